/**
 * Remote stores: the project's graphs in a SPARQL 1.1 store, read through Jena's SPARQL Protocol client
 * as a dataset whose queries the store answers ({@link org.custodykg.remote.RemoteDatasetGraph}), and
 * written with the Graph Store Protocol ({@link org.custodykg.remote.Publisher}). Reached through
 * {@code CustodyGraph.openRemote} and {@code CustodyGraph.publish}.
 */
package org.custodykg.remote;

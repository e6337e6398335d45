/**
 * Importing transparency tables: a CSV file of government data requests, one row per country and
 * period, becomes request-statistics facts (or attestations of figures the graph already holds) in a
 * source document's folder, after the SHACL shapes accept them. The columns are found through a W3C
 * CSVW metadata document ({@link org.custodykg.ingest.RequestsImport#DEFAULT_MAPPING} when none is given).
 */
package org.custodykg.ingest;

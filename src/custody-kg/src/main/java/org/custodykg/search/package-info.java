/**
 * Finding entities without their exact names: a Lucene index (Jena's text index) over names,
 * descriptions and quotations ({@link org.custodykg.search.SearchIndex}), the ranking of its hits
 * ({@link org.custodykg.search.Searcher}) and the entities listed by kind for browsing
 * ({@link org.custodykg.search.Catalogue}). Reached through {@link org.custodykg.CustodyGraph#search},
 * {@link org.custodykg.CustodyGraph#kinds()} and {@link org.custodykg.CustodyGraph#entitiesOfKind}; not
 * part of the public API.
 */
package org.custodykg.search;

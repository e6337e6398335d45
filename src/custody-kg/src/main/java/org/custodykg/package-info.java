/**
 * custody-kg: a knowledge graph of who can get at people's data, and through which door.
 *
 * <p>{@link org.custodykg.CustodyGraph} is the one entry point. Open the graph packed into the jar,
 * a folder of Turtle (validated against the SHACL shapes unless trusted) or a TDB2 store; ask it a
 * named question with parameters by name, any SPARQL query, or one of the typed questions:
 *
 * <pre>{@code
 * try (CustodyGraph graph = CustodyGraph.openDefault()) {
 *     for (KeyCustody keys : graph.keyCustody("iCloud")) {
 *         System.out.println(keys.keyHolder().map(Entity::label).orElse("?")
 *                 + " holds the keys, in " + keys.keysStoredIn().map(Entity::label).orElse("an unstated place"));
 *     }
 *     ResultTable operators = graph.ask("operators", Map.of("service", "Office 365")).table();
 *     System.out.print(operators.toText());
 *     boolean any = graph.sparql("ASK { ?s a <https://w3id.org/custody-kg/ontology#Stance> }").bool();
 * }
 * }</pre>
 *
 * <p>A bad argument (an unknown question, parameter or name, or an ambiguous name) throws
 * {@link org.custodykg.ArgumentException}; bad data or query text throws {@link org.custodykg.DataException}
 * with file, line and column, or every SHACL violation; a remote store
 * ({@link org.custodykg.CustodyGraph#openRemote}) that cannot answer throws {@link org.custodykg.RemoteException}.
 */
package org.custodykg;

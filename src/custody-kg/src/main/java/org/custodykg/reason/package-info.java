/**
 * Reasoning: derivation rules kept as SPARQL CONSTRUCT files ({@code rules/}), a forward chainer that runs
 * them to a fixpoint (the date-independent ones once, into the inferred graph; the rest per question, into
 * a scratch graph that is dropped), and {@link org.custodykg.reason.AccessPaths}, which answers
 * "can this authority obtain this service's data, and how?" with the facts each answer rests on.
 */
package org.custodykg.reason;

package org.custodykg;


/**
 * A fact node a conclusion rests on, with the document it comes from and the sentence it quotes.
 *
 * @param fact the fact node (a ckg:Fact with a ckg:source)
 * @param source the source document
 * @param quotation the fact's ckg:evidence: the words of the source it rests on
 */
public record Evidence(Entity fact, Entity source, String quotation) {}

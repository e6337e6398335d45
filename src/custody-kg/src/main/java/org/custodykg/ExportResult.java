package org.custodykg;

/**
 * What a dump holds.
 *
 * @param statements its distinct statements (triples or quads)
 * @param graphs how many named graphs it drew from (a triple format merges them into one)
 */
public record ExportResult(long statements, int graphs) {
}

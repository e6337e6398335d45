package org.custodykg.cli;

/** How a command prints its answer: text, csv, tsv and json for tables; ttl and jsonld for graphs. */
enum Format {
    text, csv, tsv, json, ttl, jsonld
}

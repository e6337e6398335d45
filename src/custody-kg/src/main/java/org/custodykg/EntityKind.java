package org.custodykg;

/**
 * A kind of entity as its IRIs group them ({@code …/id/service/…}), for browsing: see
 * {@link CustodyGraph#kinds()}.
 *
 * @param name the IRIs' path segment ({@code service}, {@code organisation}, {@code place}, {@code law}, …)
 * @param count how many entities of the kind the data describes
 */
public record EntityKind(String name, long count) {}

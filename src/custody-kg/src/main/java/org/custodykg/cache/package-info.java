/**
 * What the graph keeps between requests, bounded in bytes: {@link org.custodykg.cache.BoundedCache}, a
 * least-recently-used map whose entries are weighed when kept, and {@link org.custodykg.cache.Footprint},
 * the estimate of an answer's size it is weighed by. Every cache that grows with the questions asked
 * (answers to named questions, access answers, entity labels, the server's written bodies) is one, so that
 * its entries, bytes and limit can be shown ({@link org.custodykg.CustodyGraph#caches()}).
 */
package org.custodykg.cache;

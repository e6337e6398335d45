package org.custodykg.serve;

import java.util.Optional;

/**
 * Maps IRIs under the public base ({@code https://w3id.org/custody-kg/}) to paths on the server that
 * answers them. A request for {@code /id/service/icloud} on any host describes
 * {@code <https://w3id.org/custody-kg/id/service/icloud>}, and a page's links stay on the local server.
 */
record LocalLinks(String publicBase, String contextPath) {
    /** The path on this server for an IRI under the public base; empty for an IRI elsewhere. */
    Optional<String> localPath(String iri) {
        if (!iri.startsWith(publicBase)) {
            return Optional.empty();
        }
        return Optional.of(contextPath + "/" + iri.substring(publicBase.length()));
    }
}

package org.custodykg.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Quad;

/**
 * Gives blank nodes labels that depend only on the graph around them, so a dump of the same data is the
 * same bytes after a reload (a parser gives blank nodes fresh random labels every time).
 *
 * <p>Each blank node is hashed from its incoming and outgoing edges, the hashes of neighbouring blank
 * nodes refined round by round until the partition stops splitting (colour refinement). Nodes left with
 * equal hashes (only nodes the refinement cannot tell apart, such as two identical anonymous nodes) get
 * a counter; in the ontology's lists and class unions every blank node is told apart by its contents.
 */
final class BlankNodeLabels {
    private static final int MAX_ROUNDS = 64;

    private BlankNodeLabels() {}

    /**
     * Content-derived labels for the blank nodes of the given quads (which must include every quad that
     * touches a blank node of the dump).
     */
    static Map<Node, Node> of(List<Quad> blankQuads) {
        Map<Node, List<Quad>> edges = new HashMap<>();
        for (Quad quad : blankQuads) {
            if (quad.getSubject().isBlank()) {
                edges.computeIfAbsent(quad.getSubject(), b -> new ArrayList<>()).add(quad);
            }
            if (quad.getObject().isBlank() && !quad.getObject().equals(quad.getSubject())) {
                edges.computeIfAbsent(quad.getObject(), b -> new ArrayList<>()).add(quad);
            }
        }
        Map<Node, String> hashes = new HashMap<>();
        edges.keySet().forEach(b -> hashes.put(b, ""));
        long classes = edges.isEmpty() ? 0 : 1;
        for (int round = 0; round < MAX_ROUNDS && !edges.isEmpty(); round++) {
            Map<Node, String> next = new HashMap<>();
            for (Map.Entry<Node, List<Quad>> entry : edges.entrySet()) {
                next.put(entry.getKey(), hash(entry.getKey(), entry.getValue(), hashes));
            }
            hashes.putAll(next);
            long now = next.values().stream().distinct().count();
            if (now == classes && round > 0) {
                break;
            }
            classes = now;
        }
        List<Node> ordered = new ArrayList<>(edges.keySet());
        ordered.sort(Comparator.comparing(hashes::get));
        Map<Node, Node> renamed = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Node node : ordered) {
            String hash = hashes.get(node).substring(0, 24);
            int n = seen.merge(hash, 1, Integer::sum);
            renamed.put(node, NodeFactory.createBlankNode("c" + hash + (n > 1 ? "x" + n : "")));
        }
        return renamed;
    }

    private static String hash(Node self, List<Quad> around, Map<Node, String> previous) {
        List<String> lines = new ArrayList<>(around.size());
        for (Quad q : around) {
            String g = NodeFmtLib.strNT(q.getGraph());
            String p = NodeFmtLib.strNT(q.getPredicate());
            if (q.getSubject().equals(self)) {
                lines.add("out " + g + " " + p + " " + term(q.getObject(), self, previous));
            } else {
                lines.add("in " + g + " " + term(q.getSubject(), self, previous) + " " + p);
            }
        }
        lines.sort(null);
        MessageDigest digest = sha256();
        lines.forEach(line -> digest.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
        digest.update(previous.get(self).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String term(Node node, Node self, Map<Node, String> previous) {
        if (node.equals(self)) {
            return "_:self";
        }
        return node.isBlank() ? "_:" + previous.get(node) : NodeFmtLib.strNT(node);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

package org.custodykg.load;

import java.util.Arrays;
import org.apache.jena.graph.Node;

/**
 * Each node once, numbered from 0 in the order first seen, found by an open-addressed hash table: a
 * {@link CompactGraph}'s nodes, and the nodes whose store ids a load's writer has looked up. Use on one thread
 * while numbering; once done, it can be read from several.
 */
final class NodeNumbers {
    static final int ANY = -1;
    static final int ABSENT = -2;
    private Node[] byNumber = new Node[1024];
    private int size;
    /** Slot → number + 1, 0 for an empty slot; at most half full. */
    private int[] slots = new int[2048];
    /** What the hash is shifted right by to give a slot: 32 less the bits of the table's size. */
    private int shift = Integer.SIZE - 11;

    /** The node's number, numbering it if new. */
    int number(Node node) {
        int slot = slot(node);
        if (slots[slot] != 0) {
            return slots[slot] - 1;
        }
        if (size == byNumber.length) {
            byNumber = Arrays.copyOf(byNumber, 2 * size);
        }
        byNumber[size] = node;
        slots[slot] = ++size;
        if (2 * size > slots.length) {
            rehash();
        }
        return size - 1;
    }

    /** The number of a node, {@link #ANY} for a wildcard, {@link #ABSENT} for a node never given. */
    int numberOf(Node node) {
        if (node == null || node == Node.ANY || node.isVariable()) {
            return ANY;
        }
        int number = slots[slot(node)];
        return number == 0 ? ABSENT : number - 1;
    }

    Node node(int number) {
        return byNumber[number];
    }

    int size() {
        return size;
    }

    /** The slot holding the node, or the empty one where it would go. */
    private int slot(Node node) {
        int mask = slots.length - 1;
        int slot = home(node);
        while (slots[slot] != 0 && !byNumber[slots[slot] - 1].equals(node)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** The node's first slot to try: the top bits of its hash spread by Fibonacci hashing. */
    private int home(Node node) {
        return (node.hashCode() * 0x9E3779B9) >>> shift;
    }

    private void rehash() {
        int[] old = slots;
        slots = new int[2 * old.length];
        shift--;
        int mask = slots.length - 1;
        for (int number : old) {
            if (number != 0) {
                int slot = home(byNumber[number - 1]);
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = number;
            }
        }
    }
}

package org.convscope.onnx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Orders a graph's nodes so that each comes after the nodes whose outputs it reads, and checks the
 * wiring on the way: every value read is produced exactly once (by a node, or as a graph input or
 * initializer), and there is no cycle.
 *
 * <p>Kahn's algorithm, always taking the earliest node in file order that is ready: a file whose
 * nodes are already sorted, as the ONNX spec asks, keeps its order exactly.
 */
final class GraphOrder {
    /** A node as far as the order is concerned. */
    record Node(String label, List<String> inputs, List<String> outputs) {}

    private final List<Node> nodes;
    private final Map<String, Integer> producers = new HashMap<>();

    private GraphOrder(List<Node> nodes) {
        this.nodes = nodes;
    }

    /**
     * The nodes' indices in an order where producers come before their readers.
     *
     * @param sources the values present before any node runs: graph inputs and initializers
     * @param outputs the graph's outputs, which must be produced
     * @throws OnnxException naming a node (or value) where the wiring is wrong
     */
    static int[] sort(List<Node> nodes, Set<String> sources, List<String> outputs)
            throws OnnxException {
        GraphOrder graph = new GraphOrder(nodes);
        graph.findProducers(sources);
        for (String output : outputs) {
            if (!sources.contains(output) && !graph.producers.containsKey(output)) {
                throw new OnnxException("graph output " + Text.quote(output)
                        + " is not produced by any node");
            }
        }
        return graph.order(sources);
    }

    private void findProducers(Set<String> sources) throws OnnxException {
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            for (String output : node.outputs()) {
                if (output.isEmpty()) {
                    continue;
                }
                if (sources.contains(output)) {
                    throw new OnnxException(node.label() + " writes " + Text.quote(output)
                            + ", which is a graph input or initializer");
                }
                Integer other = producers.putIfAbsent(output, i);
                if (other != null) {
                    throw new OnnxException(other == i
                            ? node.label() + " writes " + Text.quote(output) + " twice"
                            : "value " + Text.quote(output) + " is written by both "
                                    + nodes.get(other).label() + " and " + node.label());
                }
            }
        }
    }

    private int[] order(Set<String> sources) throws OnnxException {
        int n = nodes.size();
        int[] waiting = new int[n];
        List<List<Integer>> readers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            readers.add(new ArrayList<>(2));
        }
        for (int i = 0; i < n; i++) {
            for (String input : nodes.get(i).inputs()) {
                if (input.isEmpty() || sources.contains(input)) {
                    continue;
                }
                Integer producer = producers.get(input);
                if (producer == null) {
                    throw new OnnxException(nodes.get(i).label() + " reads " + Text.quote(input)
                            + ", which no node, graph input or initializer produces");
                }
                readers.get(producer).add(i);
                waiting[i]++;
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        int[] order = new int[n];
        int done = 0;
        while (!ready.isEmpty()) {
            int node = ready.poll();
            order[done++] = node;
            for (int reader : readers.get(node)) {
                if (--waiting[reader] == 0) {
                    ready.add(reader);
                }
            }
        }
        if (done < n) {
            throw new OnnxException(cycle(waiting));
        }
        return order;
    }

    /**
     * A message naming the nodes of one cycle in the direction values flow, from its earliest node
     * in the file; found by walking back from a node still waiting through producers still waiting
     * until a node repeats.
     */
    private String cycle(int[] waiting) {
        int start = 0;
        while (waiting[start] == 0) {
            start++;
        }
        List<Integer> path = new ArrayList<>();
        Map<Integer, Integer> seen = new HashMap<>();
        int node = start;
        while (!seen.containsKey(node)) {
            seen.put(node, path.size());
            path.add(node);
            node = waitingProducer(node, waiting);
        }
        List<Integer> loop = new ArrayList<>(path.subList(seen.get(node), path.size()));
        Collections.reverse(loop);
        Collections.rotate(loop, -loop.indexOf(Collections.min(loop)));
        StringBuilder message = new StringBuilder("the graph has a cycle: ");
        int shown = Math.min(loop.size(), 3);
        for (int i = 0; i < shown; i++) {
            message.append(nodes.get(loop.get(i)).label()).append(" → ");
        }
        return message.append(loop.size() > shown ? "… (" + loop.size() + " nodes)"
                : nodes.get(loop.getFirst()).label()).toString();
    }

    private int waitingProducer(int node, int[] waiting) {
        for (String input : nodes.get(node).inputs()) {
            Integer producer = producers.get(input);
            if (producer != null && waiting[producer] > 0) {
                return producer;
            }
        }
        throw new IllegalStateException("node " + node + " waits for no waiting node");
    }
}

package com.servicecraft.question;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks that a role-play's graph is sound: known nodes, every option leads on, no loops, an end on every path. */
public final class RolePlayGraph {
    private RolePlayGraph() {
    }

    public static List<String> problems(RolePlayQuestion r) {
        List<String> problems = new ArrayList<>();
        Map<String, RolePlayQuestion.Node> nodes = new HashMap<>();
        for (RolePlayQuestion.Node n : r.nodes()) {
            if (nodes.put(n.id(), n) != null) {
                problems.add("duplicate node " + n.id());
            }
        }
        if (!nodes.containsKey(r.start())) {
            problems.add("the start node " + r.start() + " does not exist");
            return problems;
        }
        for (RolePlayQuestion.Node n : r.nodes()) {
            for (RolePlayQuestion.Response o : n.options()) {
                if (!nodes.containsKey(o.next())) {
                    problems.add("node " + n.id() + " option " + o.id() + " leads to unknown node " + o.next());
                }
                o.scores().keySet().stream().filter(d -> !r.dimensions().contains(d))
                        .forEach(d -> problems.add("node " + n.id() + " option " + o.id() + " scores undeclared dimension " + d));
            }
        }
        if (problems.isEmpty() && hasCycle(r.start(), nodes, new HashSet<>(), new HashSet<>())) {
            problems.add("the conversation can loop forever; every path must reach an end node");
        }
        return problems;
    }

    /** The smallest number of decisions on any path from the start to an end. */
    public static int shortestPath(RolePlayQuestion r) {
        Map<String, RolePlayQuestion.Node> nodes = new HashMap<>();
        r.nodes().forEach(n -> nodes.put(n.id(), n));
        return shortest(r.start(), nodes, new HashMap<>());
    }

    private static int shortest(String id, Map<String, RolePlayQuestion.Node> nodes, Map<String, Integer> memo) {
        if (memo.containsKey(id)) {
            return memo.get(id);
        }
        RolePlayQuestion.Node n = nodes.get(id);
        int result = n.end() ? 0 : 1 + n.options().stream().mapToInt(o -> shortest(o.next(), nodes, memo)).min().orElse(0);
        memo.put(id, result);
        return result;
    }

    private static boolean hasCycle(String id, Map<String, RolePlayQuestion.Node> nodes, Set<String> path, Set<String> done) {
        if (path.contains(id)) {
            return true;
        }
        if (done.contains(id)) {
            return false;
        }
        path.add(id);
        RolePlayQuestion.Node n = nodes.get(id);
        for (RolePlayQuestion.Response o : n.options()) {
            if (hasCycle(o.next(), nodes, path, done)) {
                return true;
            }
        }
        if (!n.end() && n.options().isEmpty()) {
            return true;
        }
        path.remove(id);
        done.add(id);
        return false;
    }
}

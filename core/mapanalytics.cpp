// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mapanalytics.h"

#include <algorithm>
#include <unordered_map>

namespace rapport::core {
namespace {

using Graph = std::vector<std::vector<std::size_t>>;

// Tarjan's articulation points, iteratively (a long chain of links must not overflow the stack).
std::vector<bool> articulationPoints(const Graph& graph)
{
    const std::size_t n = graph.size();
    constexpr std::size_t kUnseen = static_cast<std::size_t>(-1);
    std::vector<std::size_t> order(n, kUnseen), low(n, 0), parent(n, kUnseen);
    std::vector<bool> cut(n, false);
    std::size_t counter = 0;
    struct Frame
    {
        std::size_t node;
        std::size_t next; // index into graph[node]
    };
    for (std::size_t root = 0; root < n; ++root) {
        if (order[root] != kUnseen)
            continue;
        std::size_t rootChildren = 0;
        std::vector<Frame> stack{{root, 0}};
        order[root] = low[root] = counter++;
        while (!stack.empty()) {
            Frame& frame = stack.back();
            const std::size_t v = frame.node;
            if (frame.next < graph[v].size()) {
                const std::size_t w = graph[v][frame.next++];
                if (order[w] == kUnseen) {
                    parent[w] = v;
                    order[w] = low[w] = counter++;
                    if (v == root)
                        ++rootChildren;
                    stack.push_back({w, 0});
                } else if (w != parent[v]) {
                    low[v] = std::min(low[v], order[w]);
                }
                continue;
            }
            stack.pop_back();
            if (const std::size_t p = parent[v]; p != kUnseen) {
                low[p] = std::min(low[p], low[v]);
                if (p != root && low[v] >= order[p])
                    cut[p] = true;
            }
        }
        cut[root] = rootChildren > 1;
    }
    return cut;
}

} // namespace

MapAnalytics analyseMap(std::span<const Person> people, std::span<const PersonLink> links)
{
    std::vector<PersonId> ids;
    ids.reserve(people.size());
    for (const auto& person : people)
        ids.push_back(person.id);
    std::sort(ids.begin(), ids.end());
    std::unordered_map<PersonId, std::size_t> index;
    for (std::size_t i = 0; i < ids.size(); ++i)
        index[ids[i]] = i;

    Graph graph(ids.size());
    for (const auto& link : links) {
        const auto from = index.find(link.from);
        const auto to = index.find(link.to);
        if (from == index.end() || to == index.end() || from->second == to->second)
            continue;
        graph[from->second].push_back(to->second);
        graph[to->second].push_back(from->second);
    }
    for (auto& neighbours : graph) {
        std::sort(neighbours.begin(), neighbours.end());
        neighbours.erase(std::unique(neighbours.begin(), neighbours.end()), neighbours.end());
    }

    MapAnalytics analytics;
    const auto cut = articulationPoints(graph);
    std::vector<bool> seen(ids.size(), false);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (cut[i])
            analytics.bridges.push_back(ids[i]);
        if (graph[i].empty()) {
            analytics.isolated.push_back(ids[i]);
            continue;
        }
        if (seen[i])
            continue;
        std::vector<PersonId> cluster;
        std::vector<std::size_t> frontier{i};
        seen[i] = true;
        while (!frontier.empty()) {
            const std::size_t v = frontier.back();
            frontier.pop_back();
            cluster.push_back(ids[v]);
            for (const std::size_t w : graph[v])
                if (!seen[w]) {
                    seen[w] = true;
                    frontier.push_back(w);
                }
        }
        std::sort(cluster.begin(), cluster.end());
        analytics.clusters.push_back(std::move(cluster));
    }
    std::stable_sort(analytics.clusters.begin(), analytics.clusters.end(),
                     [](const auto& a, const auto& b) { return a.size() > b.size(); });
    return analytics;
}

} // namespace rapport::core

-- The metric and initiative rollup of domain-rules §3, run unchanged by DuckDB and SQLite.
-- Statements are separated by a line holding only ';'. Timing covers all of them.
-- Metric: scope = distinct assets with a Healthy (1) or Unhealthy (2) result for any member
-- recommendation; affected = distinct assets among them with an Unhealthy result;
-- score = 100 - 100 * affected / scope. Scope 0 = no row = unavailable.
CREATE TEMP TABLE metric_scores AS
SELECT mr.metric AS metric,
       COUNT(DISTINCT a.asset) AS scope,
       COUNT(DISTINCT CASE WHEN a.status = 2 THEN a.asset END) AS affected,
       100.0 - 100.0 * CAST(COUNT(DISTINCT CASE WHEN a.status = 2 THEN a.asset END) AS DOUBLE)
             / COUNT(DISTINCT a.asset) AS score
FROM metric_recs mr
JOIN assessments a ON a.rec = mr.rec
WHERE a.status IN (1, 2)
GROUP BY mr.metric
;
-- Initiative: sum(w * p) / sum(w) over its available metrics with w > 0; none = no row = absent.
SELECT im.initiative AS initiative,
       SUM(m.weight * s.score) / SUM(m.weight) AS score
FROM initiative_metrics im
JOIN metrics m ON m.metric = im.metric
JOIN metric_scores s ON s.metric = im.metric
WHERE m.weight > 0
GROUP BY im.initiative
;
SELECT metric, scope, affected, score FROM metric_scores
;
DROP TABLE metric_scores

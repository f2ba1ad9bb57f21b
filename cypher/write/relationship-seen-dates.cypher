// Sets firstSeen/lastSeen (Neo4j Dates) on the relationships a batch wrote evidence for: the earliest
// and latest as-of date of the documents supporting each. A row holds one relationship's type and end
// keys and the date range of the batch's documents supporting it; the stored dates already cover the
// other documents (older versions of the batch's documents were taken off first, with a
// recomputation), so the new range is the union of both, without reading every supporting document.
// Both ends are looked up first and the relationship is then found between them (Expand(Into), which
// walks the less connected end; the subquery keeps the planner from expanding all relationships of the
// start and filtering the end, which costs a hub company's thousands per row).
UNWIND $rows AS row
MATCH (a:Entity {key: row.start}), (b:Entity {key: row.end})
CALL (a, b, row) {
  MATCH (a)-[r]->(b)
  WHERE type(r) = row.type
  RETURN r
}
SET r.firstSeen = CASE
      WHEN row.firstSeen IS NULL THEN r.firstSeen
      WHEN r.firstSeen IS NULL OR row.firstSeen < r.firstSeen THEN row.firstSeen
      ELSE r.firstSeen
    END,
    r.lastSeen = CASE
      WHEN row.lastSeen IS NULL THEN r.lastSeen
      WHEN r.lastSeen IS NULL OR row.lastSeen > r.lastSeen THEN row.lastSeen
      ELSE r.lastSeen
    END

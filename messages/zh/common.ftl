## src/explain/mod.rs

punct-colon = ：

## src/output/review.rs

punct-comma = ，
punct-comma-2 = 、
punct-colon-2 = ：
punct-semicolon = 、
punct-semicolon-2 = ；

## src/output/report/mod.rs

punct-open = （
punct-mark = ）
sep-list = {"、"}
sep-and = {" 且 "}
sep-comma = {"，"}
sep-clause = {"；"}

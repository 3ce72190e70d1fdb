## src/analysis/warnings.rs

analysis-name-decided-exact-but-published = “{ $name }”按“{ $by }”的精确值确定，而“{ $by }”公布时四舍五入到两位小数
analysis-compares-exact = 比较的是“{ $by }”的精确值
analysis-round-where-computed-2-so = 请在计算“{ $by }”时加上“保留 2 位”，使公布的分数就是评定等次和排名所用的分数：否则 89.995 公布为 90.00，却按低于 90 评定
analysis-deductions-can-take-name-below = 扣分可使“{ $name }”低于 0：其取值范围为 { $range }
analysis-name-can-range = “{ $name }”的取值范围为 { $range }
analysis-if-table-says-write-stop = 若评分表写明“扣完为止”（或“扣满为止”），请写“扣完为止”；要在其他分数处停止，写“保底 x分”；或用“最多扣”限定每条规则
analysis-name-added-up-within-points = “{ $name }”按分值 { $points } 分计入合计，但其得分的取值范围为 { $range }
analysis-points-points = 分值 { $points }
analysis-department-scored-outside-0-points = 得分超出 0 至 { $points } 的部门将被拒绝（E0806）；请使得分不超出分值：“扣完为止”“封顶 { $points }分”“保底 0分”，或限定输入的范围
analysis-cap-said-name-can-never = “{ $name }”的封顶 { $said } 永远不起作用：它最多为 { $hi }
analysis-name-can-raw = “{ $name }”的取值范围为 { $raw }
analysis-check-cap-against-regulation-remove = 请对照办法核实这个封顶，或将其删去
analysis-floor-said-name-can-never = “{ $name }”的保底 { $said } 永远不起作用：它至少为 { $lo }
analysis-check-floor-against-regulation-remove = 请对照办法核实这个保底，或将其删去
analysis-no-score-can-reach-band = 任何分数都达不到“{ $name }”中的“{ $label }”这一档
analysis-score-can-only-range = 分数只可能在 { $range } 之间
analysis-check-band-s-threshold-points = 请检查这一档的分数线，以及构成分数的各项分值

## src/analysis/wording.rs

analysis-article-leaves-open-which-grade = { $article }未讲清恰为 { $n } 分时属于哪一档
analysis-here-n-label = 此处 { $n } 分属于“{ $label }”
analysis-article-s-words-put-n = 条文的措辞把 { $n } 分同时划入两档（“以上”“以下”包括本数）；请在注释中写明所采用的理解并注明条款

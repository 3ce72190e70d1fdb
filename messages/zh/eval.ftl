## src/eval/err.rs

eval-correct-data-so-requirement-holds = 请更正数据，使其符合这条要求
eval-check-data-numbers-far-larger = 请检查数据中是否有远大于办法预期的数字
eval-divisor-was-zero-department-check = 该部门的某个除数为零；请检查它的数据
eval-record-computing-value-part-scored = { $record }，计算“{ $value }”时：“{ $part }”得 { $score } 分，超出其分值（0 至 { $points } 分）
eval-keep-part-within-points-regulation = 请在办法中使“{ $part }”不超出其分值（“封顶 { $points }分”“扣完为止”），或更正其所依据的数据
eval-defect-jixiao-not-your-file = 这是 jixiao 程序本身的缺陷，不是您文件的问题；请连同办法文件和数据一并报告
eval-set-bands-grade-wrong-problem = 按 { $set } 计算，“{ $grade }”的各档划分有误：{ $problem }
eval-choose-cut-offs-keep-bands = 请选择能保持各档顺序的分数线，从高到低排列

## src/eval/mod.rs

eval-nothing-covers-scores-above-label = 没有哪一档包括高于“{ $label }”的分数
eval-label-label-i-overlap = “{ $label }”与“{ $label_i }”重叠
eval-gap-between-label-label-i = “{ $label }”与“{ $label_i }”之间有空档
eval-label-can-never-reached = “{ $label }”永远评不到
eval-nothing-covers-scores-below-label = 没有哪一档包括低于“{ $label }”的分数

## src/eval/stream.rs

eval-changed-while-was-being-read = 读取过程中文件被改动了
eval-temporary-file-run-was-changed = 本次评估使用的临时文件在评估过程中被其他程序改动了
eval-run-again-if-happens-again = 请重新运行；若再次出现，请将 TMPDIR 设为没有其他程序写入的文件夹
eval-ranked-run-keeps-each-department = 有排名的评估会把各部门的数值暂存到临时文件（约为数据大小的十分之一）：请清理临时文件夹，或将 TMPDIR 设为空间充足的文件夹

## Internal faults (a defect in jixiao)
eval-internal-a-number-was-expected = 此处应为数字
eval-internal-an-entry-outside-the-indicator = 出现了指标末级以外的项
eval-internal-entries-per-indicator-were-expected = 此处应为每个指标各一项
eval-internal-a-level-was-expected = 此处应为级别
eval-internal-a-rating-was-expected = 此处应为评价结果
eval-internal-one-value-per-leaf-was = 此处应为每个末级指标各一个值
eval-internal-a-leaf-without-a-value = 有末级指标没有值
eval-internal-numbers-were-expected = 此处应为数字
eval-internal-conditions-per-item-were-expected = 此处应为每项一个条件
eval-internal-a-list-and-a-condition = 此处应为一个列表及其每项的条件

## Arithmetic and requirements
eval-overflow = 结果太大，无法精确计算
eval-division-by-zero = 除数为零
eval-arithmetic = { $record }，计算“{ $value }”时：{ $what }
eval-internal = { $record }，计算“{ $value }”时：内部错误：{ $what }
eval-requirement = { $at_words }：不符合要求：{ $message }
eval-requirement-of-article = { $at_words }：不符合要求（{ $article }）：{ $message }
eval-requirement-found = { $message }；实际为 { $found }

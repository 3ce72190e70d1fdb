## src/cases.rs

cases-name-no-test-expects-value = { $name }：没有测试期望它或由它算出的值
cases-name-cap-never-takes-effect = { $name }：没有测试使封顶生效
cases-name-floor-never-takes-effect = { $name }：没有测试使保底生效
cases-name-no-test-reaches-band = { $name }：没有测试评到“{ $label }”
cases-written-no-test-takes-gives = “{ $written }”：没有测试按它扣分或加分
cases-written-limit-most-never-takes = “{ $written }”：没有测试使{ $most }生效
cases-name-never-takes-effect-test = { $name }：没有测试使“扣完为止”生效
cases-line-line-department-unit-appears = 第 { $line } 行：部门“{ $unit }”在本测试中出现了两次
cases-line-line-expected-error-code = 第 { $line } 行：应报错 { $code }，实际为 { $found }
cases-line-line-name-expected-expected = 第 { $line } 行：{ $name }：应为 { $expected }，实际为 { $found }
cases-found-which-rounds-r-suffix = { $found }，四舍五入为 { $r }{ $suffix }

cases-arm-then = 则
cases-arm-else = 否则
cases-arm-number = 第 { $i } 项
cases-branch-of-never-taken = { $name }：没有测试走到“{ $head }”的{ $arm }分支
cases-case-of-never-taken = { $name }：没有测试走到“{ $head }”中的“{ $arm }”
cases-case-never-taken = { $name }：没有测试走到“{ $arm }”这一项
cases-branch-never-taken = { $name }：没有测试走到{ $arm }分支

## src/cases.rs

cases-name-no-test-expects-value = { $name }: no test expects it or a value computed from it
cases-name-cap-never-takes-effect = { $name }: its cap (封顶) never takes effect in a test
cases-name-floor-never-takes-effect = { $name }: its floor (保底) never takes effect in a test
cases-name-no-test-reaches-band = { $name }: no test reaches the band { $label }
cases-written-no-test-takes-gives = `{ $written }`: no test takes or gives anything by it
cases-written-limit-most-never-takes = `{ $written }`: its limit ({ $most }) never takes effect in a test
cases-name-never-takes-effect-test = { $name }: 扣完为止 never takes effect in a test
cases-line-line-department-unit-appears = line { $line }: the department "{ $unit }" appears twice in this test
cases-line-line-expected-error-code = line { $line }: expected error { $code }, found { $found }
cases-line-line-name-expected-expected = line { $line }: { $name }: expected { $expected }, found { $found }
cases-found-which-rounds-r-suffix = { $found }, which rounds to { $r }{ $suffix }

cases-arm-then = 则 (then)
cases-arm-else = 否则 (else)
cases-arm-number = case { $i }
cases-branch-of-never-taken = { $name }: the { $arm } branch of `{ $head }` is never taken in a test
cases-case-of-never-taken = { $name }: the case { $arm } of `{ $head }` is never taken in a test
cases-case-never-taken = { $name }: the case { $arm } is never taken in a test
cases-branch-never-taken = { $name }: the { $arm } branch is never taken in a test

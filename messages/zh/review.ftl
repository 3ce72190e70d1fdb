## src/review/trace.rs

review-none = 无
review-yes = 是
review-no = 否

## src/review/rules.rs: what a declaration declares
review-kind-regulation = 办法
review-kind-article = 条文
review-kind-scale = 等级
review-kind-indicator = 指标
review-kind-input = 输入
review-kind-parameter = 参数
review-kind-value = 计算
review-kind-requirement = 要求
review-kind-grade = 等次
review-kind-rank = 排名
review-kind-publish = 公布
review-kind-sample = 样例
review-kind-test = 测试

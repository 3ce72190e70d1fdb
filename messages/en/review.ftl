## src/review/trace.rs

review-none = (none)
review-yes = yes
review-no = no

## src/review/rules.rs: what a declaration declares
review-kind-regulation = regulation
review-kind-article = article
review-kind-scale = rating scale
review-kind-indicator = indicator
review-kind-input = input
review-kind-parameter = parameter
review-kind-value = value
review-kind-requirement = requirement
review-kind-grade = grade
review-kind-rank = ranking
review-kind-publish = publication
review-kind-sample = sample
review-kind-test = test

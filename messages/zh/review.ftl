## src/review/trace.rs

review-none = 无
review-yes = 是
review-no = 否

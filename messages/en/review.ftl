## src/review/trace.rs

review-none = (none)
review-yes = yes
review-no = no

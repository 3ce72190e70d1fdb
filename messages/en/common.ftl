### Words and punctuation shared by every stage.

## Punctuation (Chinese uses full-width marks, English a mark and a space)
# after a label, before its value
colon = :{" "}
# at the end of a line that introduces a list
colon-end = :
# an aside opens
paren-open = {" "}(
# an aside closes
paren-close = )
# between items of a list (names, levels, keys)
sep-list = {", "}
# between parts of a sentence
sep-comma = {", "}
# between the parameters a run set
sep-clause = {", "}
# between problems of one record
sep-semicolon = {"; "}
# between conditions that all hold
sep-and = {" and "}
# between items of a list in one CSV cell
sep-list-in-cell = ;{" "}

## Input and output errors
io-not-found = no such file or directory
io-permission-denied = permission denied
io-is-a-folder = this is a folder, not a file
io-disk-full = the disk is full
io-not-a-folder = a part of the path is not a folder
io-read-only = the file system is read-only
io-ends-early = the file ends unexpectedly
io-too-large = the file is too large
io-out-of-memory = out of memory

# The label before a diagnostic's help line, as miette writes it in English.
help-label = help:{" "}

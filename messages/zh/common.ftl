### Words and punctuation shared by every stage.

## Punctuation (Chinese uses full-width marks, English a mark and a space)
# after a label, before its value
colon = ：
# at the end of a line that introduces a list
colon-end = ：
# an aside opens
paren-open = （
# an aside closes
paren-close = ）
# between items of a list (names, levels, keys)
sep-list = {"、"}
# between parts of a sentence
sep-comma = {"，"}
# between the parameters a run set
sep-clause = {"；"}
# between problems of one record
sep-semicolon = {"；"}
# between conditions that all hold
sep-and = {" 且 "}
# between items of a list in one CSV cell
sep-list-in-cell = 、

## Input and output errors
io-not-found = 文件不存在
io-permission-denied = 没有访问权限
io-is-a-folder = 这是一个文件夹，不是文件
io-disk-full = 磁盘空间不足
io-not-a-folder = 路径中有一项不是文件夹
io-read-only = 文件系统是只读的
io-ends-early = 文件意外结束
io-too-large = 文件太大
io-out-of-memory = 内存不足

# The label before a diagnostic's help line, as miette writes it in English.
help-label = 帮助：

module nnscratch

go 1.26

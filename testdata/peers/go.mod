module peers

go 1.26

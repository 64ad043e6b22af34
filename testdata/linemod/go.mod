module example.com/linemod

go 1.26

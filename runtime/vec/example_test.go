package vec_test

import (
	"fmt"

	"github.com/uninitlint/uninitlint/runtime/vec"
)

func ExampleHeapless() {
	// A stack of at most 4 ints, stored inline: no allocation.
	var stack vec.Heapless[int, [4]int]
	for i := 1; i <= 5; i++ {
		if !stack.Push(i * i) {
			fmt.Println("full, dropped", i*i)
		}
	}
	fmt.Println(stack.Len(), stack.Cap(), stack.Slice())
	top, _ := stack.Pop()
	fmt.Println("popped", top)
	for i, v := range stack.All() {
		fmt.Println(i, v)
	}
	// Output:
	// full, dropped 25
	// 4 4 [1 4 9 16]
	// popped 16
	// 0 1
	// 1 4
	// 2 9
}

func ExampleRaw() {
	type point struct{ X, Y float64 }
	// Elements live outside the Go heap, so point must hold no pointers.
	r, err := vec.NewRaw[point](2)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer r.Free()
	for i := range 3 {
		r.Push(point{float64(i), float64(i * i)}) // the third Push grows r
	}
	fmt.Println(r.Len(), r.Cap(), r.Get(2))
	sum := 0.0
	for _, p := range r.All() {
		sum += p.Y
	}
	fmt.Println("sum of Y:", sum)

	// A type with pointers is refused: the garbage collector would not see them.
	_, err = vec.NewRaw[*point](1)
	fmt.Println(err != nil)
	// Output:
	// 3 4 {2 4}
	// sum of Y: 5
	// true
}

func ExampleRaw_Extend() {
	r, err := vec.NewRaw[int64](0)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer r.Free()
	r.Push(-1)
	// One call makes room for 4 elements; the loop fills them in place.
	squares := r.Extend(4)
	for i := range squares {
		squares[i] = int64(i * i)
	}
	fmt.Println(r.Len(), r.Slice())
	// Output:
	// 5 [-1 0 1 4 9]
}

package view

// IDs maps the ids of a trace's events to indexes: a slice for the small
// ids from 0 up that scenarios number their items with, a map for any
// other. Indexing a 20,000-caller trace then hashes nothing. The zero
// value is empty and ready.
type IDs struct {
	dense  []int32 // index+1 by id; 0 for none
	sparse map[int32]int
}

// denseIDs is the largest id kept in the slice.
const denseIDs = 1 << 20

// Get returns the index of id, and whether it has one.
func (x *IDs) Get(id int32) (int, bool) {
	if id >= 0 && id < denseIDs {
		if int(id) < len(x.dense) && x.dense[id] > 0 {
			return int(x.dense[id]) - 1, true
		}
		return 0, false
	}
	i, ok := x.sparse[id]
	return i, ok
}

// Set makes i the index of id.
func (x *IDs) Set(id int32, i int) {
	if id >= 0 && id < denseIDs {
		if int(id) >= len(x.dense) {
			x.dense = append(x.dense, make([]int32, int(id)+1-len(x.dense))...)
		}
		x.dense[id] = int32(i) + 1
		return
	}
	if x.sparse == nil {
		x.sparse = map[int32]int{}
	}
	x.sparse[id] = i
}

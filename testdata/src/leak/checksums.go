package leak

import (
	"errors"
	"syscall"

	"leak/checksum"
)

var errChecksum = errors.New("checksum")

// A checksum over mapped memory, from a package the model only searches for what it keeps:
// the early return loses the mapping.
func openChecked(fd int, want uint32) ([]byte, error) {
	data, err := syscall.Mmap(fd, 0, 4096, syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, err
	}
	if checksum.Sum(data) != want {
		return nil, errChecksum // want `return loses the mmap'd region allocated on line 15`
	}
	return data, nil
}

// openCheckedTwin unmaps on the early return.
func openCheckedTwin(fd int, want uint32) ([]byte, error) {
	data, err := syscall.Mmap(fd, 0, 4096, syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, err
	}
	if checksum.Sum(data) != want {
		syscall.Munmap(data)
		return nil, errChecksum
	}
	return data, nil
}

// openThroughVar sums through a func variable, every value of which borrows.
func openThroughVar(fd int, want uint32) ([]byte, error) {
	data, err := syscall.Mmap(fd, 0, 4096, syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, err
	}
	if checksum.Update(data) != want {
		return nil, errChecksum // want `return loses the mmap'd region allocated on line 40`
	}
	return data, nil
}

// openRemembered is silent: Remember keeps the memory, so the return does not lose it.
func openRemembered(fd int, want uint32) ([]byte, error) {
	data, err := syscall.Mmap(fd, 0, 4096, syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, err
	}
	checksum.Remember(data)
	if len(data) == 0 {
		return nil, errChecksum
	}
	return data, nil
}

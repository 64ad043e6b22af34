// The assembly of ArenaAlloc; empty: the tests type-check and vet, but never link.

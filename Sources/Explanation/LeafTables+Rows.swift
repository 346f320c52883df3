extension LeafTables {
    /// The tables through pointers, for the rows of one block.
    struct View {
        let splits: UnsafeBufferPointer<Int32>
        let depths: UnsafePointer<Int32>
        let leaves: UnsafeBufferPointer<Int32>
        let width: Int
        let features: UnsafePointer<Int32>
        let tableStarts: UnsafePointer<Int>
        let values: UnsafePointer<Float>

        /// Adds one row's contributions from this tree to `walk.phi` (indexed by
        /// feature, with a slot for the padding): fills each node's mask from its
        /// parent's, then adds every leaf's table row for its mask. `masks` holds one
        /// value per node of the tree.
        @inline(__always)
        func addContributions(_ walk: ShapWalk, masks: UnsafeMutablePointer<UInt32>) {
            masks[0] = 0
            for split in splits {
                let id = Int(split)
                let node = walk.nodes[id]
                let mask = masks[id]
                let bit = UInt32(1) << UInt32(depths[id])
                let left: UInt32 = walk.goesLeft(node) ? bit : 0
                masks[Int(node.left)] = mask | left
                masks[Int(node.right)] = mask | (bit ^ left)
            }
            for (index, leaf) in leaves.enumerated() {
                let table = values + (tableStarts[index] &+ Int(masks[Int(leaf)]) &* width)
                let pathFeatures = features + index &* width
                for k in 0..<width { walk.phi[Int(pathFeatures[k])] += table[k] }
            }
        }
    }

    /// Calls `body` with the tables' pointers, valid only inside it.
    @inline(__always)
    func withView<Result>(_ body: (View) -> Result) -> Result {
        splits.withUnsafeBufferPointer { splits in
            depths.withUnsafeBufferPointer { depths in
                leaves.withUnsafeBufferPointer { leaves in
                    features.withUnsafeBufferPointer { features in
                        tableStarts.withUnsafeBufferPointer { tableStarts in
                            values.withUnsafeBufferPointer { values in
                                body(View(splits: splits, depths: depths.baseAddress!, leaves: leaves, width: width,
                                          features: features.baseAddress!, tableStarts: tableStarts.baseAddress!,
                                          values: values.baseAddress!))
                            }
                        }
                    }
                }
            }
        }
    }
}

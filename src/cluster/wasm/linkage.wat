;; The three loops of hclust's full layout (see linkage.ts and hclust.ts): a
;; step's Lance–Williams updates of the survivor's row, with step 3's lists;
;; the first strict minimum of a row over the active positions (the
;; rescans); and the mirror of a batch of survivors' rows into their columns
;; (mirror.ts). The same operations, in the same order, as updateRange,
;; scanRow and mirrorColumns in JavaScript, so every distance and every
;; choice is bit-identical: WebAssembly has no fused multiply-add and never
;; reassociates, and each formula below is evaluated as updates.ts writes
;; it (left to right).
;;
;; The distances and the state live in the imported memory (one per
;; clustering, shared by the threads that split a step; linkage.ts builds
;; the module twice, with the memory shared and not). Pointers are byte
;; addresses, unsigned, so a matrix of up to 4 GiB is addressed; d(i, k) is
;; the f64 at diss + 8 (rowBase[i] + k); the active list and nn, settled,
;; rescan are i32 arrays, size and disnn f64 arrays, indexed by observation.
;;
;; Results that do not fit in the return value are left in this instance's
;; globals (one instance per thread, so the threads never share them).
;;
;; Measured against the JavaScript loops on an 8,000 × 8,000 matrix with 70 %
;; of the rows active (Node 20): the scan 0.9–1.3 ns per position against
;; 1.5–2.1 ns, the average update 1.7–2.3 ns against 1.7–3.3 ns. Loading two
;; gathered positions into one f64x2 lane pair made the scan slower
;; (1.4–2.1 ns), so the loops are scalar. At 20,000 rows on two threads
;; (euclidean + average, alternating runs) the linkage took 6.65–7.12 s with
;; the three loops in JavaScript, 4.72–5.46 s with the update and the scan
;; here, and 3.16–3.55 s with the mirror here too. The packed update once
;; called its formula as a function: written inline, as here, its linkage
;; went from 12.1–14.4 s to 8.5–9.9 s on one thread (7.2–8.5 s to 5.5–5.8 s
;; on two).
(module
  (import "env" "memory" (memory 1 65536 shared))

  ;; update: the survivor's nearest neighbour (−1 when none) and the lengths of the two lists
  (global $nearest (export "nearest") (mut i32) (i32.const -1))
  (global $rescanned (export "rescanned") (mut i32) (i32.const 0))
  (global $settledCount (export "settledCount") (mut i32) (i32.const 0))
  ;; scan: the index of the minimum (−1 when none)
  (global $at (export "at") (mut i32) (i32.const -1))

  ;; Step 2 of the full layout for the active positions [a0, a1) (updateRange
  ;; with `collect`): d(i2, k) ← the update of `method` for k = active[a],
  ;; written to row i2 (row j2 is read; rowBase is the i32 array of the rows'
  ;; offsets, and pos is unused: the parameters are updatePacked's); for
  ;; a < pi (k < i2) NN(k) ← i2 when the new distance is strictly below
  ;; DISNN(k), else k is listed for a rescan when NN(k) is i2 or j2; for
  ;; a > pi (k > i2) the first strict minimum is kept, and k is listed when
  ;; NN(k) is j2. Rescans go to rescan[a0 …], settled rows to rescan[… a1)
  ;; downwards. Returns the minimum (+inf when none); its k in $nearest.
  ;;
  ;; method: 0 ward.D / ward.D2, 1 single, 2 complete, 3 average,
  ;; 4 mcquitty, 5 median, 6 centroid.
  (func (export "update")
    (param $method i32) (param $diss i32) (param $rowBase i32)
    (param $size i32) (param $active i32) (param $nn i32) (param $disnn i32)
    (param $settled i32) (param $rescan i32) (param $step i32) (param $i2 i32)
    (param $j2 i32) (param $pi i32) (param $pos i32) (param $a0 i32) (param $a1 i32)
    (param $dij f64) (param $mi f64) (param $mj f64)
    (result f64)
    (local $a i32) (local $k i32) (local $k4 i32) (local $k8 i32) (local $nnk i32)
    (local $pI i32) (local $pJ i32) (local $nRescan i32) (local $nSettled i32) (local $sjj i32)
    (local $dik f64) (local $djk f64) (local $mk f64) (local $d f64) (local $smin f64) (local $mij f64)
    (local.set $smin (f64.const inf))
    (local.set $sjj (i32.const -1))
    (local.set $nRescan (local.get $a0))
    (local.set $nSettled (local.get $a1))
    ;; rows i2 and j2 (d(i2, k) at pI + 8k, d(j2, k) at pJ + 8k)
    (local.set $pI
      (i32.add (local.get $diss)
        (i32.shl (i32.load (i32.add (local.get $rowBase) (i32.shl (local.get $i2) (i32.const 2)))) (i32.const 3))))
    (local.set $pJ
      (i32.add (local.get $diss)
        (i32.shl (i32.load (i32.add (local.get $rowBase) (i32.shl (local.get $j2) (i32.const 2)))) (i32.const 3))))
    (local.set $mij (f64.add (local.get $mi) (local.get $mj)))
    (local.set $a (local.get $a0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $a) (local.get $a1)))
        (if (i32.eq (local.get $a) (local.get $pi))
          (then
            (local.set $a (i32.add (local.get $a) (i32.const 1)))
            (br $next)))
        (local.set $k (i32.load (i32.add (local.get $active) (i32.shl (local.get $a) (i32.const 2)))))
        (local.set $k4 (i32.shl (local.get $k) (i32.const 2)))
        (local.set $k8 (i32.shl (local.get $k) (i32.const 3)))
        (local.set $dik (f64.load (i32.add (local.get $pI) (local.get $k8))))
        (local.set $djk (f64.load (i32.add (local.get $pJ) (local.get $k8))))
        (block $formula
          (block $centroid
            (block $median
              (block $mcquitty
                (block $average
                  (block $complete
                    (block $single
                      (block $ward
                        (br_table $ward $single $complete $average $mcquitty $median $centroid
                          (local.get $method)))
                      ;; ((mi + mk) dik + (mj + mk) djk − mk dij) / (mi + mj + mk)
                      (local.set $mk (f64.load (i32.add (local.get $size) (local.get $k8))))
                      (local.set $d
                        (f64.div
                          (f64.sub
                            (f64.add
                              (f64.mul (f64.add (local.get $mi) (local.get $mk)) (local.get $dik))
                              (f64.mul (f64.add (local.get $mj) (local.get $mk)) (local.get $djk)))
                            (f64.mul (local.get $mk) (local.get $dij)))
                          (f64.add (local.get $mij) (local.get $mk))))
                      (br $formula))
                    ;; dik < djk ? dik : djk
                    (local.set $d
                      (select (local.get $dik) (local.get $djk) (f64.lt (local.get $dik) (local.get $djk))))
                    (br $formula))
                  ;; dik > djk ? dik : djk
                  (local.set $d
                    (select (local.get $dik) (local.get $djk) (f64.gt (local.get $dik) (local.get $djk))))
                  (br $formula))
                ;; (mi dik + mj djk) / (mi + mj)
                (local.set $d
                  (f64.div
                    (f64.add (f64.mul (local.get $mi) (local.get $dik)) (f64.mul (local.get $mj) (local.get $djk)))
                    (local.get $mij)))
                (br $formula))
              ;; 0.5 dik + 0.5 djk
              (local.set $d
                (f64.add (f64.mul (f64.const 0.5) (local.get $dik)) (f64.mul (f64.const 0.5) (local.get $djk))))
              (br $formula))
            ;; 0.5 dik + 0.5 djk − 0.25 dij
            (local.set $d
              (f64.sub
                (f64.add (f64.mul (f64.const 0.5) (local.get $dik)) (f64.mul (f64.const 0.5) (local.get $djk)))
                (f64.mul (f64.const 0.25) (local.get $dij))))
            (br $formula))
          ;; (mi dik + mj djk − mi mj dij / (mi + mj)) / (mi + mj)
          (local.set $d
            (f64.div
              (f64.sub
                (f64.add (f64.mul (local.get $mi) (local.get $dik)) (f64.mul (local.get $mj) (local.get $djk)))
                (f64.div (f64.mul (f64.mul (local.get $mi) (local.get $mj)) (local.get $dij)) (local.get $mij)))
              (local.get $mij))))
        (f64.store (i32.add (local.get $pI) (local.get $k8)) (local.get $d))
        (if (i32.lt_s (local.get $a) (local.get $pi))
          (then
            ;; k < i2
            (if (f64.lt (local.get $d) (f64.load (i32.add (local.get $disnn) (local.get $k8))))
              (then
                (f64.store (i32.add (local.get $disnn) (local.get $k8)) (local.get $d))
                (i32.store (i32.add (local.get $nn) (local.get $k4)) (local.get $i2))
                (i32.store (i32.add (local.get $settled) (local.get $k4)) (i32.add (local.get $step) (i32.const 1)))
                (local.set $nSettled (i32.sub (local.get $nSettled) (i32.const 1)))
                (i32.store (i32.add (local.get $rescan) (i32.shl (local.get $nSettled) (i32.const 2))) (local.get $k)))
              (else
                (local.set $nnk (i32.load (i32.add (local.get $nn) (local.get $k4))))
                (if (i32.or (i32.eq (local.get $nnk) (local.get $i2)) (i32.eq (local.get $nnk) (local.get $j2)))
                  (then
                    (i32.store (i32.add (local.get $rescan) (i32.shl (local.get $nRescan) (i32.const 2))) (local.get $k))
                    (local.set $nRescan (i32.add (local.get $nRescan) (i32.const 1))))))))
          (else
            ;; k > i2
            (if (f64.lt (local.get $d) (local.get $smin))
              (then
                (local.set $smin (local.get $d))
                (local.set $sjj (local.get $k))))
            (if (i32.eq (i32.load (i32.add (local.get $nn) (local.get $k4))) (local.get $j2))
              (then
                (i32.store (i32.add (local.get $rescan) (i32.shl (local.get $nRescan) (i32.const 2))) (local.get $k))
                (local.set $nRescan (i32.add (local.get $nRescan) (i32.const 1)))))))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (br $next)))
    (global.set $nearest (local.get $sjj))
    (global.set $rescanned (i32.sub (local.get $nRescan) (local.get $a0)))
    (global.set $settledCount (i32.sub (local.get $a1) (local.get $nSettled)))
    (local.get $smin))

  ;; Step 2 of the packed layout (the condensed triangle: d(i, j), i < j, at
  ;; diss + 8 (rowBase[i] + j), rowBase an i32 array) for the active
  ;; positions [a0, a1), as updateRange with `collect`: for a < pi (k < i2)
  ;; both distances are in row k; for pi < a < pos (i2 < k < j2) d(i2, k) is
  ;; in row i2 and d(k, j2) in row k; for a ≥ pos (k > j2) both are in rows
  ;; i2 and j2. The new distance goes where d(k, i2) or d(i2, k) was; the
  ;; lists, the minimum and the globals as for update.
  (func (export "updatePacked")
    (param $method i32) (param $diss i32) (param $rowBase i32)
    (param $size i32) (param $active i32) (param $nn i32) (param $disnn i32)
    (param $settled i32) (param $rescan i32) (param $step i32) (param $i2 i32)
    (param $j2 i32) (param $pi i32) (param $pos i32) (param $a0 i32) (param $a1 i32)
    (param $dij f64) (param $mi f64) (param $mj f64)
    (result f64)
    (local $a i32) (local $k i32) (local $k4 i32) (local $k8 i32) (local $nnk i32) (local $at i32)
    (local $pI i32) (local $pJ i32) (local $nRescan i32) (local $nSettled i32) (local $sjj i32)
    (local $dik f64) (local $djk f64) (local $mk f64) (local $d f64) (local $smin f64) (local $mij f64)
    (local.set $smin (f64.const inf))
    (local.set $sjj (i32.const -1))
    (local.set $nRescan (local.get $a0))
    (local.set $nSettled (local.get $a1))
    (local.set $mij (f64.add (local.get $mi) (local.get $mj)))
    ;; rows i2 and j2 (d(i2, k) at pI + 8k, d(j2, k) at pJ + 8k)
    (local.set $pI
      (i32.add (local.get $diss)
        (i32.shl (i32.load (i32.add (local.get $rowBase) (i32.shl (local.get $i2) (i32.const 2)))) (i32.const 3))))
    (local.set $pJ
      (i32.add (local.get $diss)
        (i32.shl (i32.load (i32.add (local.get $rowBase) (i32.shl (local.get $j2) (i32.const 2)))) (i32.const 3))))
    (local.set $a (local.get $a0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $a) (local.get $a1)))
        (if (i32.eq (local.get $a) (local.get $pi))
          (then
            (local.set $a (i32.add (local.get $a) (i32.const 1)))
            (br $next)))
        (local.set $k (i32.load (i32.add (local.get $active) (i32.shl (local.get $a) (i32.const 2)))))
        (local.set $k4 (i32.shl (local.get $k) (i32.const 2)))
        (local.set $k8 (i32.shl (local.get $k) (i32.const 3)))
        ;; where the two distances are, and where the new one goes ($at)
        (if (i32.lt_s (local.get $a) (local.get $pi))
          (then
            ;; k < i2 < j2: d(k, i2), d(k, j2) in row k
            (local.set $at
              (i32.add (local.get $diss)
                (i32.shl (i32.load (i32.add (local.get $rowBase) (local.get $k4))) (i32.const 3))))
            (local.set $djk (f64.load (i32.add (local.get $at) (i32.shl (local.get $j2) (i32.const 3)))))
            (local.set $at (i32.add (local.get $at) (i32.shl (local.get $i2) (i32.const 3)))))
          (else
            (local.set $at (i32.add (local.get $pI) (local.get $k8)))
            (if (i32.lt_s (local.get $a) (local.get $pos))
              (then
                ;; i2 < k < j2: d(i2, k) in row i2, d(k, j2) in row k
                (local.set $djk
                  (f64.load
                    (i32.add
                      (i32.add (local.get $diss)
                        (i32.shl (i32.load (i32.add (local.get $rowBase) (local.get $k4))) (i32.const 3)))
                      (i32.shl (local.get $j2) (i32.const 3))))))
              (else
                ;; k > j2: both in rows i2 and j2
                (local.set $djk (f64.load (i32.add (local.get $pJ) (local.get $k8))))))))
        (local.set $dik (f64.load (local.get $at)))
        (block $formula
          (block $centroid
            (block $median
              (block $mcquitty
                (block $average
                  (block $complete
                    (block $single
                      (block $ward
                        (br_table $ward $single $complete $average $mcquitty $median $centroid
                          (local.get $method)))
                      ;; ((mi + mk) dik + (mj + mk) djk − mk dij) / (mi + mj + mk)
                      (local.set $mk (f64.load (i32.add (local.get $size) (local.get $k8))))
                      (local.set $d
                        (f64.div
                          (f64.sub
                            (f64.add
                              (f64.mul (f64.add (local.get $mi) (local.get $mk)) (local.get $dik))
                              (f64.mul (f64.add (local.get $mj) (local.get $mk)) (local.get $djk)))
                            (f64.mul (local.get $mk) (local.get $dij)))
                          (f64.add (local.get $mij) (local.get $mk))))
                      (br $formula))
                    ;; dik < djk ? dik : djk
                    (local.set $d
                      (select (local.get $dik) (local.get $djk) (f64.lt (local.get $dik) (local.get $djk))))
                    (br $formula))
                  ;; dik > djk ? dik : djk
                  (local.set $d
                    (select (local.get $dik) (local.get $djk) (f64.gt (local.get $dik) (local.get $djk))))
                  (br $formula))
                ;; (mi dik + mj djk) / (mi + mj)
                (local.set $d
                  (f64.div
                    (f64.add (f64.mul (local.get $mi) (local.get $dik)) (f64.mul (local.get $mj) (local.get $djk)))
                    (local.get $mij)))
                (br $formula))
              ;; 0.5 dik + 0.5 djk
              (local.set $d
                (f64.add (f64.mul (f64.const 0.5) (local.get $dik)) (f64.mul (f64.const 0.5) (local.get $djk))))
              (br $formula))
            ;; 0.5 dik + 0.5 djk − 0.25 dij
            (local.set $d
              (f64.sub
                (f64.add (f64.mul (f64.const 0.5) (local.get $dik)) (f64.mul (f64.const 0.5) (local.get $djk)))
                (f64.mul (f64.const 0.25) (local.get $dij))))
            (br $formula))
          ;; (mi dik + mj djk − mi mj dij / (mi + mj)) / (mi + mj)
          (local.set $d
            (f64.div
              (f64.sub
                (f64.add (f64.mul (local.get $mi) (local.get $dik)) (f64.mul (local.get $mj) (local.get $djk)))
                (f64.div (f64.mul (f64.mul (local.get $mi) (local.get $mj)) (local.get $dij)) (local.get $mij)))
              (local.get $mij))))
        (f64.store (local.get $at) (local.get $d))
        (if (i32.lt_s (local.get $a) (local.get $pi))
          (then
            (if (f64.lt (local.get $d) (f64.load (i32.add (local.get $disnn) (local.get $k8))))
              (then
                (f64.store (i32.add (local.get $disnn) (local.get $k8)) (local.get $d))
                (i32.store (i32.add (local.get $nn) (local.get $k4)) (local.get $i2))
                (i32.store (i32.add (local.get $settled) (local.get $k4)) (i32.add (local.get $step) (i32.const 1)))
                (local.set $nSettled (i32.sub (local.get $nSettled) (i32.const 1)))
                (i32.store (i32.add (local.get $rescan) (i32.shl (local.get $nSettled) (i32.const 2))) (local.get $k)))
              (else
                (local.set $nnk (i32.load (i32.add (local.get $nn) (local.get $k4))))
                (if (i32.or (i32.eq (local.get $nnk) (local.get $i2)) (i32.eq (local.get $nnk) (local.get $j2)))
                  (then
                    (i32.store (i32.add (local.get $rescan) (i32.shl (local.get $nRescan) (i32.const 2))) (local.get $k))
                    (local.set $nRescan (i32.add (local.get $nRescan) (i32.const 1))))))))
          (else
            (if (f64.lt (local.get $d) (local.get $smin))
              (then
                (local.set $smin (local.get $d))
                (local.set $sjj (local.get $k))))
            ;; i2 < k < j2: k is rescanned when NN(k) was j2
            (if (i32.and
                  (i32.lt_s (local.get $a) (local.get $pos))
                  (i32.eq (i32.load (i32.add (local.get $nn) (local.get $k4))) (local.get $j2)))
              (then
                (i32.store (i32.add (local.get $rescan) (i32.shl (local.get $nRescan) (i32.const 2))) (local.get $k))
                (local.set $nRescan (i32.add (local.get $nRescan) (i32.const 1)))))))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (br $next)))
    (global.set $nearest (local.get $sjj))
    (global.set $rescanned (i32.sub (local.get $nRescan) (local.get $a0)))
    (global.set $settledCount (i32.sub (local.get $a1) (local.get $nSettled)))
    (local.get $smin))

  ;; The mirror (mirror.ts mirrorColumns): for the rows k = active[a], a in
  ;; [a0, a1), and the columns c = cols[0 … m), d(k, c) ← d(c, k) where row c
  ;; was written after row k (stamp[c] > stamp[k]). rowBase, stamp, cols and
  ;; active are i32 arrays.
  (func (export "mirror")
    (param $diss i32) (param $rowBase i32) (param $stamp i32) (param $cols i32) (param $m i32)
    (param $active i32) (param $a0 i32) (param $a1 i32)
    (local $a i32) (local $k i32) (local $k8 i32) (local $row i32) (local $sk i32)
    (local $q i32) (local $qEnd i32) (local $c i32)
    (local.set $qEnd (i32.add (local.get $cols) (i32.shl (local.get $m) (i32.const 2))))
    (local.set $a (local.get $a0))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_s (local.get $a) (local.get $a1)))
        (local.set $k (i32.load (i32.add (local.get $active) (i32.shl (local.get $a) (i32.const 2)))))
        (local.set $k8 (i32.shl (local.get $k) (i32.const 3)))
        (local.set $row
          (i32.add (local.get $diss)
            (i32.shl (i32.load (i32.add (local.get $rowBase) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 3))))
        (local.set $sk (i32.load (i32.add (local.get $stamp) (i32.shl (local.get $k) (i32.const 2)))))
        (local.set $q (local.get $cols))
        (block $colsDone
          (loop $next
            (br_if $colsDone (i32.ge_u (local.get $q) (local.get $qEnd)))
            (local.set $c (i32.load (local.get $q)))
            (if (i32.gt_s (i32.load (i32.add (local.get $stamp) (i32.shl (local.get $c) (i32.const 2)))) (local.get $sk))
              (then
                (f64.store
                  (i32.add (local.get $row) (i32.shl (local.get $c) (i32.const 3)))
                  (f64.load
                    (i32.add
                      (i32.add (local.get $diss)
                        (i32.shl (i32.load (i32.add (local.get $rowBase) (i32.shl (local.get $c) (i32.const 2)))) (i32.const 3)))
                      (local.get $k8))))))
            (local.set $q (i32.add (local.get $q) (i32.const 4)))
            (br $next)))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (br $rows))))

  ;; Step 1: position pos leaves the active list of n positions (the i32
  ;; array at `active`): active[pos … n − 1) ← active[pos + 1 … n), in one
  ;; memory.copy. (copyWithin over a shared buffer copies element by
  ;; element: 0.16–0.19 s for the 20,000 steps of 20,000 rows, against
  ;; 7 ms for the same moves over a plain buffer.)
  (func (export "removeActive") (param $active i32) (param $pos i32) (param $n i32)
    (memory.copy
      (i32.add (local.get $active) (i32.shl (local.get $pos) (i32.const 2)))
      (i32.add (local.get $active) (i32.shl (i32.add (local.get $pos) (i32.const 1)) (i32.const 2)))
      (i32.shl (i32.sub (i32.sub (local.get $n) (local.get $pos)) (i32.const 1)) (i32.const 2))))

  ;; The first strict minimum of d(i, active[a]) over a in [a0, a1), row i at
  ;; base = rowBase[i]: returns it (+inf when none), its index in $at (−1).
  (func (export "scan")
    (param $diss i32) (param $base i32) (param $active i32) (param $a0 i32) (param $a1 i32)
    (result f64)
    (local $p i32) (local $end i32) (local $row i32) (local $k i32) (local $jm i32)
    (local $v f64) (local $dmin f64)
    (local.set $dmin (f64.const inf))
    (local.set $jm (i32.const -1))
    (local.set $row (i32.add (local.get $diss) (i32.shl (local.get $base) (i32.const 3))))
    (local.set $p (i32.add (local.get $active) (i32.shl (local.get $a0) (i32.const 2))))
    (local.set $end (i32.add (local.get $active) (i32.shl (local.get $a1) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $k (i32.load (local.get $p)))
        (local.set $v (f64.load (i32.add (local.get $row) (i32.shl (local.get $k) (i32.const 3)))))
        (if (f64.lt (local.get $v) (local.get $dmin))
          (then
            (local.set $dmin (local.get $v))
            (local.set $jm (local.get $k))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $next)))
    (global.set $at (local.get $jm))
    (local.get $dmin)))

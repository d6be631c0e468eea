;; SIMD kernels for the two hot distance loops (see kernels.ts).
;;
;; Layout of the matrix in memory ("groups of 8 rows"): rows 8g … 8g+7 form
;; group g, stored column by column, so that element (row r, column k) is the
;; f64 at byte
;;
;;     data + (r >> 3) · 64p + 64k + 8 (r & 7).
;;
;; A group is 64p bytes; at each column k its 8 rows are 4 adjacent f64x2
;; vectors. Padding rows (beyond n) are zeros; their results are not read.
;;
;; Both kernels compute, for each row i in [iLo, iHi) and each group g in
;; [max(gLo, (i + 1) >> 3), gHi), the 8 pairs (i, 8g + l), l = 0 … 7, one
;; pair per f64x2 lane. Each lane sums over k = 0 … p−1 in order with a
;; separate multiply and add (WebAssembly has no fused multiply-add and never
;; reassociates), so each pair's result is bit-identical to the scalar loop
;;
;;     s = 0; for k in 0 … p−1: s = s + f(x_ik, x_jk)
;;
;; in JavaScript (f64x2.sqrt is correctly rounded, as Math.sqrt). The 8
;; results of (i, g) are stored as 8 f64 at
;;
;;     out + (i − iLo) · outRowBytes + (g − outG0) · 64;
;;
;; lanes with j ≤ i or j ≥ n are computed too, and ignored by the caller.
;;
;; Speed: 8 pairs per step keep 4 independent add chains in flight, enough to
;; fill the adders (euclidean: sub + add per lane) or hide the add latency
;; (dot); 16 pairs made V8 spill registers and ran slower.
;;
;; Requires p ≥ 1; addresses are unsigned (memory below 4 GiB).
(module
  (memory (export "memory") 1)

  ;; Euclidean: lane l of (i, g) gets sqrt(Σ_k (x_ik − x_jk)²), j = 8g + l.
  (func (export "euclid")
    (param $data i32) (param $p i32)
    (param $iLo i32) (param $iHi i32) (param $gLo i32) (param $gHi i32)
    (param $out i32) (param $outRowBytes i32) (param $outG0 i32)
    (local $groupBytes i32) (local $i i32) (local $g i32)
    (local $ip i32) (local $jp i32) (local $end i32) (local $o i32)
    (local $v v128) (local $d0 v128) (local $d1 v128) (local $d2 v128) (local $d3 v128)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local.set $groupBytes (i32.shl (local.get $p) (i32.const 6)))
    (local.set $i (local.get $iLo))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $i) (local.get $iHi)))
        ;; first group holding a column j > i
        (local.set $g (i32.shr_u (i32.add (local.get $i) (i32.const 1)) (i32.const 3)))
        (if (i32.lt_u (local.get $g) (local.get $gLo)) (then (local.set $g (local.get $gLo))))
        (block $groupsDone
          (loop $groups
            (br_if $groupsDone (i32.ge_u (local.get $g) (local.get $gHi)))
            ;; ip → x_i0, jp → group g column 0, end = end of group g
            (local.set $ip
              (i32.add (local.get $data)
                (i32.add
                  (i32.mul (i32.shr_u (local.get $i) (i32.const 3)) (local.get $groupBytes))
                  (i32.shl (i32.and (local.get $i) (i32.const 7)) (i32.const 3)))))
            (local.set $jp (i32.add (local.get $data) (i32.mul (local.get $g) (local.get $groupBytes))))
            (local.set $end (i32.add (local.get $jp) (local.get $groupBytes)))
            (local.set $s0 (v128.const f64x2 0 0))
            (local.set $s1 (v128.const f64x2 0 0))
            (local.set $s2 (v128.const f64x2 0 0))
            (local.set $s3 (v128.const f64x2 0 0))
            (loop $cols
              (local.set $v (v128.load64_splat (local.get $ip)))
              (local.set $d0 (f64x2.sub (local.get $v) (v128.load offset=0 (local.get $jp))))
              (local.set $d1 (f64x2.sub (local.get $v) (v128.load offset=16 (local.get $jp))))
              (local.set $d2 (f64x2.sub (local.get $v) (v128.load offset=32 (local.get $jp))))
              (local.set $d3 (f64x2.sub (local.get $v) (v128.load offset=48 (local.get $jp))))
              (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $d0) (local.get $d0))))
              (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $d1) (local.get $d1))))
              (local.set $s2 (f64x2.add (local.get $s2) (f64x2.mul (local.get $d2) (local.get $d2))))
              (local.set $s3 (f64x2.add (local.get $s3) (f64x2.mul (local.get $d3) (local.get $d3))))
              (local.set $ip (i32.add (local.get $ip) (i32.const 64)))
              (local.set $jp (i32.add (local.get $jp) (i32.const 64)))
              (br_if $cols (i32.lt_u (local.get $jp) (local.get $end))))
            (local.set $o
              (i32.add (local.get $out)
                (i32.add
                  (i32.mul (i32.sub (local.get $i) (local.get $iLo)) (local.get $outRowBytes))
                  (i32.shl (i32.sub (local.get $g) (local.get $outG0)) (i32.const 6)))))
            (v128.store offset=0 (local.get $o) (f64x2.sqrt (local.get $s0)))
            (v128.store offset=16 (local.get $o) (f64x2.sqrt (local.get $s1)))
            (v128.store offset=32 (local.get $o) (f64x2.sqrt (local.get $s2)))
            (v128.store offset=48 (local.get $o) (f64x2.sqrt (local.get $s3)))
            (local.set $g (i32.add (local.get $g) (i32.const 1)))
            (br $groups)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows))))

  ;; Pearson fast path on unit vectors u: lane l of (i, g) gets
  ;; 1 − clamp(r, −1, 1), r = Σ_k u_ik u_jk, j = 8g + l, as JavaScript's
  ;; 1 − (r >= 1 ? 1 : r <= −1 ? −1 : r): pmax(r, −1) = (r < −1 ? −1 : r) and
  ;; pmin(t, 1) = (1 < t ? 1 : t) keep a NaN r (unlike f64x2.min/max) and are
  ;; single instructions on x64. (Written out four times: V8 does not inline calls.)
  ;; Also sets the byte flags + (i − iLo) · flagRowBytes + (g − outG0) to 1 when
  ;; a lane's distance is not ≥ below (smaller, or NaN), else to 0, so that the
  ;; caller finds the pairs to recompute without reading every distance again.
  (func (export "dot")
    (param $data i32) (param $p i32)
    (param $iLo i32) (param $iHi i32) (param $gLo i32) (param $gHi i32)
    (param $out i32) (param $outRowBytes i32) (param $outG0 i32)
    (param $below f64) (param $flags i32) (param $flagRowBytes i32)
    (local $groupBytes i32) (local $i i32) (local $g i32)
    (local $ip i32) (local $jp i32) (local $end i32) (local $o i32)
    (local $v v128) (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local $one v128) (local $minusOne v128) (local $belowV v128)
    (local.set $one (v128.const f64x2 1 1))
    (local.set $minusOne (v128.const f64x2 -1 -1))
    (local.set $belowV (f64x2.splat (local.get $below)))
    (local.set $groupBytes (i32.shl (local.get $p) (i32.const 6)))
    (local.set $i (local.get $iLo))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $i) (local.get $iHi)))
        (local.set $g (i32.shr_u (i32.add (local.get $i) (i32.const 1)) (i32.const 3)))
        (if (i32.lt_u (local.get $g) (local.get $gLo)) (then (local.set $g (local.get $gLo))))
        (block $groupsDone
          (loop $groups
            (br_if $groupsDone (i32.ge_u (local.get $g) (local.get $gHi)))
            (local.set $ip
              (i32.add (local.get $data)
                (i32.add
                  (i32.mul (i32.shr_u (local.get $i) (i32.const 3)) (local.get $groupBytes))
                  (i32.shl (i32.and (local.get $i) (i32.const 7)) (i32.const 3)))))
            (local.set $jp (i32.add (local.get $data) (i32.mul (local.get $g) (local.get $groupBytes))))
            (local.set $end (i32.add (local.get $jp) (local.get $groupBytes)))
            (local.set $s0 (v128.const f64x2 0 0))
            (local.set $s1 (v128.const f64x2 0 0))
            (local.set $s2 (v128.const f64x2 0 0))
            (local.set $s3 (v128.const f64x2 0 0))
            (loop $cols
              (local.set $v (v128.load64_splat (local.get $ip)))
              (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $v) (v128.load offset=0 (local.get $jp)))))
              (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $v) (v128.load offset=16 (local.get $jp)))))
              (local.set $s2 (f64x2.add (local.get $s2) (f64x2.mul (local.get $v) (v128.load offset=32 (local.get $jp)))))
              (local.set $s3 (f64x2.add (local.get $s3) (f64x2.mul (local.get $v) (v128.load offset=48 (local.get $jp)))))
              (local.set $ip (i32.add (local.get $ip) (i32.const 64)))
              (local.set $jp (i32.add (local.get $jp) (i32.const 64)))
              (br_if $cols (i32.lt_u (local.get $jp) (local.get $end))))
            (local.set $o
              (i32.add (local.get $out)
                (i32.add
                  (i32.mul (i32.sub (local.get $i) (local.get $iLo)) (local.get $outRowBytes))
                  (i32.shl (i32.sub (local.get $g) (local.get $outG0)) (i32.const 6)))))
            (local.set $s0 (f64x2.sub (local.get $one) (f64x2.pmin (f64x2.pmax (local.get $s0) (local.get $minusOne)) (local.get $one))))
            (local.set $s1 (f64x2.sub (local.get $one) (f64x2.pmin (f64x2.pmax (local.get $s1) (local.get $minusOne)) (local.get $one))))
            (local.set $s2 (f64x2.sub (local.get $one) (f64x2.pmin (f64x2.pmax (local.get $s2) (local.get $minusOne)) (local.get $one))))
            (local.set $s3 (f64x2.sub (local.get $one) (f64x2.pmin (f64x2.pmax (local.get $s3) (local.get $minusOne)) (local.get $one))))
            (v128.store offset=0 (local.get $o) (local.get $s0))
            (v128.store offset=16 (local.get $o) (local.get $s1))
            (v128.store offset=32 (local.get $o) (local.get $s2))
            (v128.store offset=48 (local.get $o) (local.get $s3))
            ;; flag = 1 unless every lane is ≥ below
            (i32.store8
              (i32.add (local.get $flags)
                (i32.add
                  (i32.mul (i32.sub (local.get $i) (local.get $iLo)) (local.get $flagRowBytes))
                  (i32.sub (local.get $g) (local.get $outG0))))
              (i32.eqz
                (i64x2.all_true
                  (v128.and
                    (v128.and (f64x2.ge (local.get $s0) (local.get $belowV)) (f64x2.ge (local.get $s1) (local.get $belowV)))
                    (v128.and (f64x2.ge (local.get $s2) (local.get $belowV)) (f64x2.ge (local.get $s3) (local.get $belowV)))))))
            (local.set $g (i32.add (local.get $g) (i32.const 1)))
            (br $groups)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows)))))

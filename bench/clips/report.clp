;;; Engine.conclude in CLIPS: the top cause and the status of a case, printed as one line.
;;; Loaded after rules.clp, which defines advice-p and symptom-p from knowledge/.

;; One line per case: id, status, top cause (or none), its certainty.
(deffunction report (?id)
   (bind ?wants (any-factp ((?f obs)) (and (eq ?f:key user.goal) (eq ?f:text "route-advice"))))
   (bind ?best none)
   (bind ?best-cf 0.0)
   (bind ?seen (create$))
   (do-for-all-facts ((?e evidence)) TRUE
      (bind ?c ?e:cause)
      (if (not (member$ ?c ?seen)) then
         (bind ?seen (create$ ?seen ?c))
         (bind ?cf (certainty ?c))
         (if (and (> ?cf 0) (eq (advice-p ?c) ?wants)
                  (or (> ?cf ?best-cf) (and (= ?cf ?best-cf) (< (str-compare ?c ?best) 0))))
            then (bind ?best ?c) (bind ?best-cf ?cf))))
   (if ?wants then
      (if (and (neq ?best none) (>= ?best-cf 0.7)) then (bind ?status advice) else (bind ?status inconclusive))
    else (if (and (neq ?best none) (>= ?best-cf 0.7)) then (bind ?status diagnosed)
    else (if (or (neq ?best none) (any-factp ((?f obs)) (symptom-p ?f:key ?f:num ?f:lower)))
      then (bind ?status inconclusive) else (bind ?status no-fault))))
   (printout t ?id tab ?status tab ?best tab (format nil "%.17g" ?best-cf) crlf))

#!/bin/bash
cd /tmp/probe
CP=out:/tmp/ci-clone/manual-backprop/target/classes:/tmp/ci-clone/core/target/classes:/tmp/ci-clone/dataset/target/classes
for i in $(seq 200 320); do
  java --add-modules jdk.incubator.vector -XX:+UnlockDiagnosticVMOptions -XX:+PrintIntrinsics -cp $CP io.mlpbench.manual.StepRepro 3 > logs/px$i.log 2>&1
  v=$(grep -o "sec 2 [0-9]*" logs/px$i.log | awk '{print $3}')
  echo "$i $v" >> /tmp/hunt3.txt
  if [ -n "$v" ] && [ "$v" -lt 200 ]; then echo "SLOW $i" >> /tmp/hunt3.txt; exit 0; fi
done

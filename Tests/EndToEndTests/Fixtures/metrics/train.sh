# Writes a "model" and metrics that depend on the learning rate; logs a loss
# curve when sluice records the run (SLUICE_RUN_DIR is set).
lr=$1
depth=$2
echo "model lr=$lr depth=$depth" > model.txt
mkdir -p metrics
awk -v lr="$lr" -v d="$depth" 'BEGIN { printf "{\"rmse\": %.4g, \"val\": {\"r2\": %.4g}, \"depth\": %d}\n", 5 - 10 * lr, 0.5 + lr, d }' > metrics/scores.json
if [ -n "$SLUICE_RUN_DIR" ]; then
  for step in 0 1 2; do
    awk -v s="$step" -v lr="$lr" 'BEGIN { printf "{\"key\":\"train/loss\",\"step\":%d,\"value\":%.4g,\"time\":1795343400}\n", s, 1 / (1 + s * lr * 10) }' >> "$SLUICE_RUN_DIR/history.jsonl"
  done
  echo "run $SLUICE_RUN_ID stage $SLUICE_STAGE"
fi

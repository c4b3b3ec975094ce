-- Rotates through the request paths listed one per line in the file named by WRK_PATHS, so a
-- run touches many distinct pages (profiles, queries) instead of one cached answer.
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do
  if line ~= "" then paths[#paths + 1] = line end
end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], { ["Accept-Encoding"] = "gzip" })
end
dofile(os.getenv("WRK_REPORT") or "bench/wrk/report.lua")

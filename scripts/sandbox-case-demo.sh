#!/usr/bin/env bash
# A first 行政处罚 case on a hub started on its sandbox defaults (the README's first command), through the staff API:
# the bootstrapped administrator registers an enforcement subject (执法主体), two officers (执法人员) of the sandbox's
# unified identity service and a matter (执法事项); an officer registers a lead (线索), the subject head files it
# (立案, after the province's 法人库 check) and the case is read back with its statutory deadlines.
# Usage: scripts/sandbox-case-demo.sh   (HUB_URL, default http://localhost:8080). Needs curl, openssl, python3.
# Running it again registers nothing twice (the administration answers 409, reported and skipped) and opens
# another case. Every call is signed as the sandbox demo client acting for an officer (scripts/hub-curl.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
call() {   # call OFFICER METHOD PATH [BODY]: prints the answer, fails on anything but 2xx (409 tolerated by admin)
  HUB_OFFICER_ID=$1 "$here/hub-curl.sh" "$2" "$3" "${4:-}"
}
field() {  # field 'python expression over d' < json
  python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"
}
admin() {  # admin PATH BODY: a registration; an existing one (409) is fine
  local answer
  answer=$(call sandbox-admin POST "$1" "$2")
  case "$answer" in
    *'"status":409'*|*'"status": 409'*) echo "  already registered: $1" ;;
    *'"status":'[45]*) echo "  refused: $answer" >&2; exit 1 ;;
    *) echo "  registered: $1" ;;
  esac
}
officer() {  # officer ID NAME ROLES STAFF_USER ID_NUMBER PHONE CERTIFICATE
  admin /api/v1/admin/officers "{\"id\":\"$1\",\"name\":\"$2\",\"subjectId\":\"SW-SCJG\",\"roles\":$3,
    \"staffUserId\":\"$4\",\"idNumber\":\"$5\",\"phone\":\"$6\",\"certificate\":{\"number\":\"$7\",
    \"domains\":[\"market-supervision\"],\"validFrom\":\"2023-01-01\",\"validTo\":\"2027-12-31\",\"status\":\"VALID\"}}"
}

echo "1. The administrator registers the subject, two officers and the matter"
admin /api/v1/admin/subjects '{"id":"SW-SCJG","name":"汕尾市市场监督管理局","regionCode":"441500",
  "domains":["market-supervision"],"supervisory":false}'
officer 44150001 陈志强 '["OFFICER"]' sw-staff-0001 441502198503151230 13800000001 44150020190001
officer 44150002 林晓燕 '["OFFICER","SUBJECT_HEAD"]' sw-staff-0002 441521199001012349 13800000002 44150020190002
admin /api/v1/admin/matters '{"code":"C4415-SCJ-0001","version":1,"effectiveFrom":"2024-01-01","status":"ACTIVE",
  "name":"未按规定公示食品经营许可信息","kind":"PENALTY","domain":"market-supervision",
  "basisLaw":"《中华人民共和国食品安全法》","basisArticle":"第一百二十六条",
  "band":[{"circumstance":"minor","minFen":0,"maxFen":500000},{"circumstance":"serious","minFen":500000,"maxFen":5000000}],
  "supervisionItemCode":"SUP-0001","reason":"sandbox quick start"}'

today=$(date +%F)
echo "2. Officer 44150001 (陈志强) registers a lead"
lead=$(call 44150001 POST /api/v1/cases/penalties "{\"matterCode\":\"C4415-SCJ-0001\",
  \"party\":{\"kind\":\"ORGANISATION\",\"name\":\"汕尾市城区海滨餐饮有限公司\",\"idNumber\":\"91441502MA4UJ0XX3T\"},
  \"placeCode\":\"441502\",\"discoveredOn\":\"$today\",\"facts\":\"店内未公示食品经营许可证\"}")
id=$(printf '%s' "$lead" | field "d['summary']['id']")
printf '%s' "$lead" | field "'  case ' + d['summary']['caseNumber'] + ' (' + d['summary']['id'] + '), stage ' + d['summary']['stage']"

echo "3. The subject head 44150002 (林晓燕) files it; the hub asks the province's 法人库 first"
filed=$(call 44150002 POST "/api/v1/cases/penalties/$id/filing" "{\"filedOn\":\"$today\"}")
printf '%s' "$filed" | field "'  stage ' + d['summary']['stage'] + ', ' + d['status']"
echo "4. Its statutory deadlines (法定期限):"
printf '%s' "$filed" | field "'\n'.join('  - ' + x['label'] + ': ' + x['dueOn'] for x in d['deadlines'])"
echo "Sign on as 陈志强 in a browser: ${HUB_URL:-http://localhost:8080}/auth/login (the sandbox signs sw-staff-0001 on)"

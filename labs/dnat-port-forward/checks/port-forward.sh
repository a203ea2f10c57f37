path=$(fresh_path)
fetch_app outside "$path" "from outside"
pass "outside fetched priv's app at http://{{out.host(1)}}/"

# Reloads nginx after an attempt changed its files, and gives the new workers a moment.
nginx -t -q
nginx -s reload
sleep 1

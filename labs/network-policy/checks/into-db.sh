check_into db

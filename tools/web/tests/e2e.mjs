// placeholder until the browser test is written

document.getElementById('app').textContent = 'tledger';

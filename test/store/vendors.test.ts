import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';

describe('components.vendors', () => {
  it('sorts as the guide prints /vendor (6.3.13): case, spaces and punctuation ignored', () => {
    const printed = [
      '3COM CORPORATION', 'ABB Oy / Medium Voltage Products', 'APPLICOM INTERNATIONAL', 'APRIL', 'Cisco Systems, Inc',
      'Dell Inc.', 'DIGITAL ELECTRONICS CORP.', 'Fisher-Rosemount Systems Inc.', 'Hewlett Packard', 'ipcas GmbH',
      'Rockwell Automation', 'Siemens AG,', 'Siemens AG - Industrial Automation - EWA',
      'Siemens Electrical Apparatus Ltd., Suzhou Chengdu Branch', 'SQUARE D COMPANY', 'Super Micro Computer, Inc.',
      'TELEMECANIQUE ELECTRIQUE',
    ];
    const store = openStore(':memory:');
    [...printed].reverse().forEach((vendorName, i) => {
      const mac = `00:00:00:00:00:${i.toString(16).padStart(2, '0')}`;
      store.components.insert({ id: `c${i}`, mac, ip: null, creationTime: 0, lastActiveTime: 0, vendorName });
      store.components.insert({ id: `d${i}`, mac: `${mac.slice(0, -2)}ff`, ip: `10.0.0.${i}`, creationTime: 0, lastActiveTime: 0, vendorName });
    });
    expect(store.components.vendors()).toEqual(printed);
    store.close();
  });
});

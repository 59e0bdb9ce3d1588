/**
 * Issue 16: "writes survive a restart". A file database written through the 3.0 writes (a
 * group, a component's label, a user property, a preset, an acknowledgement, a custom network,
 * a component moved into a group by PATCH, the global credentials, Center parameters, the risk
 * scores' activity tags period, a sensor with its location, capture mode, template and
 * folder, a deployment and the use of it, a report definition with its report and documents, a
 * PCAP upload half sent, an active discovery policy, profile and scan), closed, then opened by a
 * new server: each reads back as it was written (the upload goes on where it stopped).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyJwt } from '../../../src/domain/jwt.js';
import { TOKEN, testCenter } from '../../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ccv-writes-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Component {
  id: string;
  customLabel: string;
  group: { id: string } | null;
  device: { id: string } | null;
  userProperties: { id: string; key: string; value: string }[];
}

describe('the 3.0 writes, after a restart', () => {
  it('read back as written', async () => {
    const db = join(dir, 'center.db');
    const first = await testCenter('small', db);
    const components = await first.json3<Component[]>('/components');
    const free = components.find((x) => x.group === null) as Component;
    const group = (await first.v3('POST', '/groups', { label: 'Restart cell', componentIds: [free.id], color: '#123456', criticalness: 4 })).json<{ id: string }>();
    expect((await first.v3('POST', `/components/${free.id}/label`, { name: 'kept across restarts' })).statusCode).toBe(200);
    const property = (await first.v3('POST', `/components/${free.id}/usersProperties`, { label: 'room', value: 'B12' })).json<{ id: string }>();
    const preset = (await first.v3('POST', '/presets', { label: 'Restart preset', description: 'kept' })).json<{ id: string }>();
    expect((await first.v3('POST', '/networks/', [{ name: 'Restart net', type: 'OT Internal', ipRange: '10.250.0.0/24' }])).statusCode).toBe(200);
    const vulnerable = (await first.json3<{ id: string; vulnerabilitiesCount: number }[]>('/devices')).find((d) => d.vulnerabilitiesCount > 0) as { id: string };
    const [vulnerability] = await first.json3<{ cve: string }[]>(`/devices/${vulnerable.id}/vulnerabilities`);
    const ack = await first.v3('PUT', '/vulnerability/acknowledge', { cve: vulnerability?.cve, deviceIds: [vulnerable.id], comment: 'patched next shutdown' });
    expect(ack.statusCode, ack.body).toBe(200);
    const moved = components.find((x) => x.group === null && x.id !== free.id) as Component;
    expect((await first.v3('PATCH', `/components/${moved.id}`, { op: 'set', path: '/group', value: [group.id] })).statusCode).toBe(200);
    const credentials = { 'sensor.security.login': 'admin', 'sensor.security.password': 'kept across restarts' };
    expect((await first.v3('POST', '/globalCredentials', { SensorsGlobalCredentials: credentials })).statusCode).toBe(200);
    expect((await first.v3('POST', '/parameters', { 'restart.number': 42, 'restart.flag': true, 'restart.text': 'kept' })).statusCode).toBe(200);
    expect((await first.v3('PUT', '/risk-score/activity-tags-period', { period: 3600 })).statusCode).toBe(204);
    const riskScores = await first.json3<{ id: string; riskScore: number }[]>('/devices');
    const sensor = (await first.v3('POST', '/sensors', { serial: 'FOC-RESTART', name: 'Restart sensor', model: 'iox' })).json<{ id: string }>();
    expect((await first.v3('PUT', `/sensors/${sensor.id}/location`, { latitude: 45.5, longitude: -73.25 })).statusCode).toBe(204);
    expect((await first.v3('POST', `/sensors/${sensor.id}/capture-mode`, { filter: 'not arp' })).statusCode).toBe(200);
    const ioxTemplate = (await first.json3<{ id: string; name: string }[]>('/admin/sensorTemplates')).find((t) => t.name === 'iox sensors') as { id: string };
    expect((await first.v3('POST', `/admin/sensorTemplates/${ioxTemplate.id}/addSensors`, { sensorIds: [sensor.id] })).statusCode).toBe(200);
    const templates = await first.json3<unknown[]>('/admin/sensorTemplates');
    const folder = (await first.v3('POST', '/admin/sensorExplorer/folders', { label: 'Restart folder', location: 'Hall R', selection: [{ id: sensor.id, type: 'sensor' }] })).json<{ id: string }>();
    const folderProperties = await first.json3(`/admin/sensorExplorer/folders/${folder.id}/properties`);
    const deployment = (await first.v3('POST', '/deployments', { name: 'Restart rollout', maxUsageCount: 5, expirationDate: '2027-06-30' })).json<{ id: string }>();
    const jwt = (await first.v3('POST', '/deployments/jwt', { deploymentName: 'Restart rollout', sensorSerials: ['FOC-RESTART'] })).json<Record<string, string>>();
    const deployments = await first.json3<unknown[]>('/deployments');
    const report = (await first.v3('POST', '/reports2/reports-metadata', { name: 'Restart report', type: 'asset-inventory' })).json<{ metadataId: string; reportsId: string }>();
    const reportDownload = (filetype: string) => ({ url: `/api/3.0/reports2/reports-metadata/reports/${report.reportsId}/download?filetype=${filetype}`, headers: { 'x-token-id': TOKEN } });
    const pdf = (await first.app.inject(reportDownload('PDF'))).rawPayload;
    const reportsMetadata = await first.json3<unknown[]>('/reports2/reports-metadata');
    const tus = { 'x-token-id': TOKEN, 'tus-resumable': '1.0.0' };
    const created = await first.app.inject({ method: 'POST', url: '/api/3.0/pcapReplays/uploads/', headers: { ...tus, 'upload-length': '24', 'upload-metadata': `filename ${Buffer.from('restart.pcap').toString('base64')}` } });
    const uploadUrl = created.headers.location as string;
    const chunk = (offset: number, bytes: number[]) =>
      ({ method: 'PATCH' as const, url: uploadUrl, headers: { ...tus, 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset) }, payload: Buffer.from(bytes) });
    expect((await first.app.inject(chunk(0, [0xd4, 0xc3, 0xb2, 0xa1]))).statusCode).toBe(204);
    expect((await first.v3('POST', '/sensors/active-discovery', { id: sensor.id, active_discovery_interfaces: [{ ip: '10.9.0.2', netmask: '24' }] })).statusCode).toBe(200);
    expect((await first.v3('POST', '/presets/activeDiscovery/policy', { name: 'Restart policy', unicast: [{ protocol: 'S7', enabled: true }] })).statusCode).toBe(200);
    const [adPolicy] = await first.json3<{ id: string }[]>('/presets/activeDiscovery/policy');
    expect((await first.v3('POST', '/activeDiscovery/profile', { name: 'Restart profile', policyId: adPolicy?.id, sensors: [{ id: sensor.id }], ipTargets: ['10.9.0.5'] })).statusCode).toBe(200);
    const [adProfile] = await first.json3<{ id: string }[]>('/activeDiscovery/profile');
    expect((await first.v3('POST', `/activeDiscovery/profile/${adProfile?.id}/start`)).statusCode).toBe(200);
    const adProfiles = await first.json3<unknown[]>('/activeDiscovery/profile');
    const adPolicies = await first.json3<unknown[]>('/presets/activeDiscovery/policy');
    const adScan = await first.json3<unknown[]>(`/activeDiscovery/profile/${adProfile?.id}/lastScan`);
    // A baseline of the restart preset, one difference of it reported abnormal (a review kept apart from the record).
    const madeBaseline = await first.v3('POST', '/baselines', { label: 'Restart baseline', presetId: preset.id, from: '0', to: '1' });
    expect(madeBaseline.statusCode, madeBaseline.body).toBe(200);
    const baselineId = madeBaseline.json<{ id: string }>().id;
    const [reported] = await first.json3<{ id: string }[]>(`/baselines/${baselineId}/differences`);
    expect((await first.v3('POST', `/differences/${reported?.id}/nack`)).statusCode).toBe(204);
    const baselineRows = await first.json3<unknown[]>(`/baselines/${baselineId}/visualisations/component-list`);
    await first.close();

    const second = await testCenter('small', db);
    try {
      const [g] = await second.json3<{ id: string; label: string; color: string; criticalness: number; componentIds: string[] }[]>(`/groups/${group.id}`);
      expect(g).toMatchObject({ label: 'Restart cell', color: '#123456', criticalness: 4 });
      expect(g?.componentIds.sort()).toEqual([free.id, moved.id].sort());
      expect((await second.json3<Component[]>(`/components/${moved.id}`))[0]?.group?.id).toBe(group.id);
      expect(await second.json3('/globalCredentials')).toEqual(credentials);
      expect(await second.json3('/parameters/restart')).toEqual({ 'restart.number': 42, 'restart.flag': true, 'restart.text': 'kept' });
      expect(await second.json3('/risk-score/activity-tags-period')).toEqual({ period: 3600 });
      expect((await second.json3<{ id: string; riskScore: number }[]>('/devices')).map((d) => [d.id, d.riskScore])).toEqual(riskScores.map((d) => [d.id, d.riskScore]));
      const [c] = await second.json3<Component[]>(`/components/${free.id}`);
      expect(c?.customLabel).toBe('kept across restarts');
      expect(c?.userProperties).toEqual([{ id: property.id, key: 'room', value: 'B12' }]);
      expect((await second.json3<{ id: string; label: string }>(`/presets/${preset.id}`)).label).toBe('Restart preset');
      expect((await second.json3<{ name: string }[]>('/networks/')).map((n) => n.name)).toContain('Restart net');
      const acked = (await second.json3<{ cve: string; ackComment: string }[]>(`/devices/${vulnerable.id}/vulnerabilities`)).find((v) => v.cve === vulnerability?.cve);
      expect(acked?.ackComment).toBe('patched next shutdown');
      expect(await second.json3(`/sensors/${sensor.id}`)).toMatchObject({
        name: 'Restart sensor',
        serialNumber: 'FOC-RESTART',
        model: 'iox',
        status: { enrollmentStatus: 'UNKNOWN', operationalStatus: 'UNKNOWN' },
        filter: { capture_mode: 'custom', custom_input: 'not arp' },
        latitude: 45.5,
        longitude: -73.25,
      });
      expect((await second.json<Record<string, { status: string }>>(`/api/1.0/sensor`))[sensor.id]?.status).toBe('Unknown');
      expect(await second.json3('/deployments')).toEqual(deployments);
      expect(await second.json3('/admin/sensorTemplates')).toEqual(templates);
      expect(templates).toContainEqual(expect.objectContaining({ id: ioxTemplate.id, sensorIds: [sensor.id] }));
      expect(await second.json3(`/admin/sensorExplorer/folders/${folder.id}/properties`)).toEqual(folderProperties);
      expect(folderProperties).toMatchObject({ label: 'Restart folder', location: 'Hall R', sensorCount: 1 });
      expect(deployments).toMatchObject([{ id: deployment.id, name: 'Restart rollout', usageCount: 1, maxUsageCount: 5, expirationDate: '2027-06-30T23:59:59Z' }]);
      expect(await second.json3('/reports2/reports-metadata')).toEqual(reportsMetadata);
      expect(reportsMetadata).toMatchObject([{ id: report.metadataId, name: 'Restart report', reports: { reports_id: report.reportsId, status: 'done' } }]);
      expect((await second.app.inject(reportDownload('PDF'))).rawPayload.equals(pdf)).toBe(true);
      // The upload goes on where it stopped: HEAD tells the offset kept, the last chunk completes it.
      expect((await second.app.inject({ method: 'HEAD', url: uploadUrl, headers: tus })).headers['upload-offset']).toBe('4');
      expect((await second.app.inject(chunk(4, [2, 0, 4, 0, ...new Array<number>(16).fill(0)]))).statusCode).toBe(204);
      expect(await second.json3('/pcapReplays')).toMatchObject([{ name: 'restart.pcap', size: 24, uploadProgress: 100, dpiStatus: 'done' }]);
      // The Center signs with the key it kept: the JWT signed before the restart verifies after it.
      expect(verifyJwt(jwt['FOC-RESTART'] as string, second.store.settings.get('deployment.jwt_secret') as string)).toMatchObject({ sub: 'FOC-RESTART', deployment: 'Restart rollout' });
      expect(await second.json3('/activeDiscovery/profile')).toEqual(adProfiles);
      expect(adProfiles).toMatchObject([{ name: 'Restart profile', schedulingStatus: 'SCHEDULED', sensors: [{ id: sensor.id }] }]);
      expect(await second.json3('/presets/activeDiscovery/policy')).toEqual(adPolicies);
      expect(await second.json3(`/activeDiscovery/profile/${adProfile?.id}/lastScan`)).toEqual(adScan);
      expect(adScan).toHaveLength(1);
      expect(await second.json3(`/baselines/${baselineId}/visualisations/component-list`)).toEqual(baselineRows);
      expect(baselineRows).toContainEqual(expect.objectContaining({ status: 'abnormal' }));
      expect((await second.json3<{ label: string }[]>(`/presets/${preset.id}/baselines`)).map((b) => b.label)).toEqual(['Restart baseline']);
    } finally {
      await second.close();
    }
  });
});

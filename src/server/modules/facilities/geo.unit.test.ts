import { describe, expect, it } from 'vitest';
import { boundingBox, haversineMeters } from './geo.ts';

describe('haversine distance', () => {
  it('is zero for one point and symmetric', () => {
    expect(haversineMeters(31.23, 121.47, 31.23, 121.47)).toBe(0);
    expect(haversineMeters(31.2, 121.4, 31.3, 121.5)).toBeCloseTo(
      haversineMeters(31.3, 121.5, 31.2, 121.4),
      6,
    );
  });

  it('matches known distances', () => {
    // One degree of latitude on the mean sphere: 111.195 km.
    expect(haversineMeters(31, 121, 32, 121)).toBeCloseTo(111_195, -1);
    // People's Square to Pudong Airport, about 43 km.
    const km = haversineMeters(31.2304, 121.4737, 31.1443, 121.8083) / 1000;
    expect(km).toBeGreaterThan(32);
    expect(km).toBeLessThan(34);
    // Antipodes: half the circumference.
    expect(haversineMeters(0, 0, 0, 180)).toBeCloseTo(Math.PI * 6_371_008.8, 0);
  });

  it('puts every point within the radius inside the bounding box', () => {
    const box = boundingBox(31.2, 121.5, 5000);
    for (let bearing = 0; bearing < 360; bearing += 15) {
      const radians = (bearing * Math.PI) / 180;
      const lat = 31.2 + (4999 / 111_195) * Math.cos(radians);
      const lng = 121.5 + ((4999 / 111_195) * Math.sin(radians)) / Math.cos((31.2 * Math.PI) / 180);
      expect(lat).toBeGreaterThanOrEqual(box.minLat);
      expect(lat).toBeLessThanOrEqual(box.maxLat);
      expect(lng).toBeGreaterThanOrEqual(box.minLng);
      expect(lng).toBeLessThanOrEqual(box.maxLng);
    }
  });
});

/**
 * Groups as 3.0 answers them: `GroupList` ([Group], ./common.ts) and `GroupDetail`, a group with
 * what it holds (Cisco's definitions GroupDetail, GroupAncestor, ExtraField). `GET /groups/{id}`
 * answers `GroupDetails`, an array: one per id asked (README quirk 2).
 */
import { z } from 'zod';
import { named } from '../registry.js';
import { GroupAncestorSchema, GroupSchema, TagSchema, int } from './common.js';

export const ExtraFieldSchema = named(
  'ExtraField',
  z.object({ id: z.string(), label: z.string(), value: z.string() }),
  "A group's user property: `label` is its key (the 1.0 property's label).",
);

export const GroupDetailSchema = named(
  'GroupDetail',
  GroupSchema.extend({
    componentIds: z.array(z.string()),
    deviceIds: z.array(z.string()),
    devicesCount: int,
    activitiesCount: int,
    eventsCount: int,
    vulnerabilitiesCount: int,
    componentsTags: z.array(TagSchema),
    flowsTags: z.array(TagSchema),
    userProperties: z.array(ExtraFieldSchema),
    ancestors: z.array(GroupAncestorSchema),
  }),
  "A group with what it holds: its components, their devices, their tags and their flows' tags, and the activities, events and vulnerabilities counted over them.",
);
